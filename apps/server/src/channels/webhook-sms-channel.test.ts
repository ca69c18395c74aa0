import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsWebhookFake, type SmsWebhookFake } from '../testing/fakes/sms-webhook-fake.js';
import { createWebhookSmsChannel } from './webhook-sms-channel.js';
import type { ChannelAdapter, OutgoingMessage } from './channel.js';
import { parseWebhookInbound, parseWebhookStatus, verifyWebhookSignature } from './provider-callbacks.js';

let gateway: SmsWebhookFake;
let sms: ChannelAdapter;
const statusUrl = 'https://safeschools.example.org/api/v1/hooks/webhook/status';
const signal = () => AbortSignal.timeout(20_000);
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  notificationId: 'n-7',
  to: '+919812345678',
  language: 'hi',
  subject: '',
  body: 'बाढ़ चेतावनी',
  dltTemplateId: '1107161234567890123',
  ...overrides,
});

beforeAll(async () => {
  gateway = await startSmsWebhookFake();
  sms = createWebhookSmsChannel({ url: gateway.url, secret: gateway.secret, statusUrl });
});
afterAll(() => gateway.close());

describe('webhook SMS channel', () => {
  it('posts the signed message with its DLT template id and answers the gateway message id', async () => {
    const outcome = await sms.send(message(), signal());
    expect(outcome).toMatchObject({ kind: 'sent', provider: 'webhook', httpStatus: 200 });
    const id = outcome.kind === 'sent' ? outcome.providerMessageId : null;
    expect(gateway.messages.items.find((m) => m.messageId === id)).toEqual({
      messageId: id,
      id: 'n-7',
      to: '+919812345678',
      text: 'बाढ़ चेतावनी',
      dltTemplateId: '1107161234567890123',
      statusUrl,
    });
  });

  it('is refused by the gateway when signed with another secret', async () => {
    const forged = createWebhookSmsChannel({ url: gateway.url, secret: 'not-the-shared-secret' });
    const refusedBefore = gateway.refusedCount();
    expect(await forged.send(message(), signal())).toMatchObject({ kind: 'failed', httpStatus: 401, code: 'WEBHOOK_SIGNATURE' });
    expect(gateway.refusedCount()).toBe(refusedBefore + 1);
    const stale = createWebhookSmsChannel({ url: gateway.url, secret: gateway.secret, now: () => Math.floor(Date.now() / 1000) - 3600 });
    expect((await stale.send(message(), signal())).kind).toBe('failed');
  });

  it('retries 429 (with Retry-After as a date) and 5xx, fails other 4xx', async () => {
    const retryAt = new Date(Date.now() + 60_000).toUTCString();
    gateway.storm(1, { status: 429, retryAfter: retryAt });
    gateway.storm(1, { status: 500 });
    const throttled = await sms.send(message(), signal());
    expect(throttled).toMatchObject({ kind: 'retry', httpStatus: 429, code: 'WEBHOOK_THROTTLED' });
    expect(throttled.kind === 'retry' && throttled.retryAfterMs).toBeGreaterThan(50_000);
    expect(await sms.send(message(), signal())).toMatchObject({ kind: 'retry', httpStatus: 500 });
    gateway.rejectNumber('+910000000000', { code: 'INVALID_NUMBER' });
    expect(await sms.send(message({ to: '+910000000000' }), signal())).toMatchObject({ kind: 'failed', code: 'WEBHOOK_INVALID_NUMBER' });
  });

  it('signs status and inbound callbacks with the shared secret', async () => {
    const outcome = await sms.send(message(), signal());
    const id = outcome.kind === 'sent' ? outcome.providerMessageId! : '';
    const status = gateway.statusCallback(id, 'delivered');
    expect(status.url).toBe(statusUrl);
    expect(verifyWebhookSignature(gateway.secret, status.headers['x-safeschools-timestamp'], status.body, status.headers['x-safeschools-signature'])).toBe(true);
    expect(verifyWebhookSignature('wrong-secret-wrong-secret', status.headers['x-safeschools-timestamp'], status.body, status.headers['x-safeschools-signature'])).toBe(false);
    expect(parseWebhookStatus(JSON.parse(status.body))).toMatchObject({ providerMessageId: id, status: 'delivered' });
    const old = gateway.statusCallback(id, 'sent', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(verifyWebhookSignature(gateway.secret, old.headers['x-safeschools-timestamp'], old.body, old.headers['x-safeschools-signature'])).toBe(false);
    const inbound = gateway.inbound('https://safeschools.example.org/api/v1/hooks/webhook/inbound', { from: '+919812345678', text: 'सुरक्षित' });
    expect(parseWebhookInbound(JSON.parse(inbound.body))).toMatchObject({ from: '+919812345678', text: 'सुरक्षित' });
  });
});
