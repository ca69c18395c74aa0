import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioFake, type TwilioFake } from '../testing/fakes/twilio-fake.js';
import type { ChannelAdapter, OutgoingMessage } from './channel.js';
import { createTwilioSmsChannel } from './twilio-sms-channel.js';
import { parseTwilioStatus, verifyTwilioSignature } from './provider-callbacks.js';
import { listenOnLoopback } from '../testing/fakes/fake-server.js';

let twilio: TwilioFake;
let sms: ChannelAdapter;
const statusUrl = 'https://safeschools.example.org/api/v1/hooks/twilio/status';
const signal = () => AbortSignal.timeout(20_000);
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  notificationId: 'n-1',
  to: '+919812345678',
  language: 'hi',
  subject: '',
  body: 'बाढ़ चेतावनी: उत्तर दें https://s.example/c/x',
  ...overrides,
});

beforeAll(async () => {
  twilio = await startTwilioFake();
  sms = createTwilioSmsChannel({
    baseUrl: twilio.baseUrl,
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+15005550006',
    statusCallbackUrl: statusUrl,
  });
});
afterAll(() => twilio.close());

describe('Twilio SMS channel', () => {
  it('posts the message with basic auth and status callback, and answers the SM sid', async () => {
    const outcome = await sms.send(message(), signal());
    expect(outcome).toMatchObject({ kind: 'sent', provider: 'twilio', delivered: false, httpStatus: 201 });
    const sid = outcome.kind === 'sent' ? outcome.providerMessageId : null;
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.items.find((m) => m.sid === sid)).toEqual({
      sid,
      to: '+919812345678',
      from: '+15005550006',
      messagingServiceSid: null,
      body: 'बाढ़ चेतावनी: उत्तर दें https://s.example/c/x',
      statusCallback: statusUrl,
    });
  });

  it('uses the messaging service instead of From when configured', async () => {
    const viaService = createTwilioSmsChannel({
      baseUrl: twilio.baseUrl,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      messagingServiceSid: 'MG0123',
    });
    const outcome = await viaService.send(message({ to: '+819012345678' }), signal());
    expect(outcome.kind).toBe('sent');
    expect(twilio.messages.items.at(-1)).toMatchObject({ from: null, messagingServiceSid: 'MG0123', statusCallback: null });
  });

  it('retries a 429 with its Retry-After, and a 5xx', async () => {
    twilio.storm(1, { status: 429, retryAfter: '7' });
    twilio.storm(1, { status: 503 });
    expect(await sms.send(message(), signal())).toMatchObject({ kind: 'retry', httpStatus: 429, retryAfterMs: 7_000, code: 'TWILIO_20429' });
    expect(await sms.send(message(), signal())).toMatchObject({ kind: 'retry', httpStatus: 503 });
    expect((await sms.send(message(), signal())).kind).toBe('sent');
  });

  it('fails an invalid number with Twilio code 21211, and wrong credentials', async () => {
    expect(await sms.send(message({ to: '12345' }), signal())).toMatchObject({ kind: 'failed', httpStatus: 400, code: 'TWILIO_21211' });
    const wrong = createTwilioSmsChannel({ baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: 'wrong', from: '+15005550006' });
    expect(await wrong.send(message(), signal())).toMatchObject({ kind: 'failed', httpStatus: 401, code: 'TWILIO_20003' });
  });

  it('retries when the provider cannot be reached or the signal gives up', async () => {
    const gone = await listenOnLoopback(() => {});
    await gone.close();
    const unreachable = createTwilioSmsChannel({ baseUrl: gone.url, accountSid: 'AC1', authToken: 't', from: '+1500' });
    expect((await unreachable.send(message(), signal())).kind).toBe('retry');
    const silent = await listenOnLoopback(() => {
      /* never answers */
    });
    try {
      const stalled = createTwilioSmsChannel({ baseUrl: silent.url, accountSid: 'AC1', authToken: 't', from: '+1500' });
      const controller = new AbortController();
      const sending = stalled.send(message(), controller.signal);
      controller.abort();
      expect(await sending).toMatchObject({ kind: 'retry', code: 'TIMEOUT' });
    } finally {
      await silent.close();
    }
  });

  it('signs its status callbacks so the server can verify them, in any order', async () => {
    const outcome = await sms.send(message(), signal());
    const sid = outcome.kind === 'sent' ? outcome.providerMessageId! : '';
    const delivered = twilio.statusCallback(sid, 'delivered');
    const sent = twilio.statusCallback(sid, 'sent');
    for (const callback of [delivered, sent]) {
      const params = Object.fromEntries(new URLSearchParams(callback.body));
      expect(callback.url).toBe(statusUrl);
      expect(verifyTwilioSignature(twilio.authToken, callback.url, params, callback.headers['x-twilio-signature'])).toBe(true);
      expect(verifyTwilioSignature('forged', callback.url, params, callback.headers['x-twilio-signature'])).toBe(false);
    }
    expect(parseTwilioStatus(Object.fromEntries(new URLSearchParams(delivered.body)))).toMatchObject({ providerMessageId: sid, status: 'delivered' });
  });

  it('delivers signed callbacks and inbound messages over HTTP in the order the test chooses', async () => {
    const received: { status: string | undefined; valid: boolean }[] = [];
    let hookUrl = '';
    const server = await listenOnLoopback((request, body, response) => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const valid = verifyTwilioSignature(twilio.authToken, `${server.url}${request.url}`, params, request.headers['x-twilio-signature'] as string);
      received.push({ status: params['MessageStatus'] ?? params['Body'], valid });
      response.end();
    });
    try {
      hookUrl = `${server.url}/status`;
      const outcome = await sms.send(message(), signal());
      const sid = outcome.kind === 'sent' ? outcome.providerMessageId! : '';
      expect((await twilio.deliver(twilio.statusCallback(sid, 'delivered', { url: hookUrl }))).status).toBe(200);
      await twilio.deliver(twilio.statusCallback(sid, 'sent', { url: hookUrl }));
      await twilio.deliver(twilio.inbound(hookUrl, { from: '+919812345678', body: 'SAFE' }));
      expect(received).toEqual([
        { status: 'delivered', valid: true },
        { status: 'sent', valid: true },
        { status: 'SAFE', valid: true },
      ]);
    } finally {
      await server.close();
    }
  });
});
