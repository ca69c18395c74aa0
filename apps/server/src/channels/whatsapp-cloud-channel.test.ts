import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhatsAppFake, type WhatsAppFake } from '../testing/fakes/whatsapp-fake.js';
import { createWhatsAppCloudChannel, templateParameter } from './whatsapp-cloud-channel.js';
import type { ChannelAdapter, OutgoingMessage } from './channel.js';
import { answerWhatsAppChallenge, parseWhatsAppWebhook, verifyWhatsAppSignature } from './provider-callbacks.js';

let wa: WhatsAppFake;
let whatsapp: ChannelAdapter;
const hook = 'https://safeschools.example.org/api/v1/hooks/whatsapp';
const signal = () => AbortSignal.timeout(20_000);
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  notificationId: 'n-42',
  to: '+919812345678',
  language: 'hi',
  subject: '',
  body: 'बाढ़ चेतावनी\nउत्तर दें: https://s.example/c/x',
  ...overrides,
});

beforeAll(async () => {
  wa = await startWhatsAppFake();
  whatsapp = createWhatsAppCloudChannel({ baseUrl: wa.baseUrl, phoneNumberId: wa.phoneNumberId, token: wa.token, template: 'safeschools_alert' });
});
afterAll(() => wa.close());

describe('WhatsApp Cloud channel', () => {
  it('sends the approved template in the person’s language with the text as body parameter', async () => {
    const outcome = await whatsapp.send(message(), signal());
    expect(outcome).toMatchObject({ kind: 'sent', provider: 'whatsapp-cloud', httpStatus: 200 });
    const id = outcome.kind === 'sent' ? outcome.providerMessageId : null;
    expect(id).toMatch(/^wamid\./);
    expect(wa.messages.items.find((m) => m.id === id)).toEqual({
      id,
      to: '+919812345678',
      template: 'safeschools_alert',
      language: 'hi',
      parameters: ['बाढ़ चेतावनी · उत्तर दें: https://s.example/c/x'],
      reference: 'n-42',
    });
  });

  it('uses the template the message names', async () => {
    await whatsapp.send(message({ whatsappTemplate: { name: 'school_cancel', language: 'ja', parameters: ['解除', '学校'] } }), signal());
    expect(wa.messages.items.at(-1)).toMatchObject({ template: 'school_cancel', language: 'ja', parameters: ['解除', '学校'] });
  });

  it('retries rate limits (HTTP 429, code 130429) and 5xx; fails other errors with their code', async () => {
    wa.storm(1, { status: 429, code: 130429, retryAfter: '3' });
    wa.storm(1, { status: 400, code: 131056 });
    wa.storm(1, { status: 500, code: 1 });
    expect(await whatsapp.send(message(), signal())).toMatchObject({ kind: 'retry', code: 'WA_130429', retryAfterMs: 3_000 });
    expect(await whatsapp.send(message(), signal())).toMatchObject({ kind: 'retry', code: 'WA_131056', httpStatus: 400 });
    expect(await whatsapp.send(message(), signal())).toMatchObject({ kind: 'retry', httpStatus: 500 });
    wa.rejectNumber('+910000000001', { status: 400, code: 131026, message: 'Message undeliverable' });
    expect(await whatsapp.send(message({ to: '+910000000001' }), signal())).toMatchObject({ kind: 'failed', code: 'WA_131026' });
    wa.rejectNumber('+910000000002', { status: 400, code: 131047, message: 'Re-engagement message' });
    expect(await whatsapp.send(message({ to: '+910000000002' }), signal())).toMatchObject({ kind: 'failed', code: 'WA_131047' });
    const badToken = createWhatsAppCloudChannel({ baseUrl: wa.baseUrl, phoneNumberId: wa.phoneNumberId, token: 'x', template: 't' });
    expect(await badToken.send(message(), signal())).toMatchObject({ kind: 'failed', code: 'WA_190', httpStatus: 401 });
  });

  it('signs status and message webhooks, and answers the subscription challenge', async () => {
    const outcome = await whatsapp.send(message(), signal());
    const id = outcome.kind === 'sent' ? outcome.providerMessageId! : '';
    const read = wa.statusCallback(hook, id, 'read');
    expect(verifyWhatsAppSignature(wa.appSecret, read.body, read.headers['x-hub-signature-256'])).toBe(true);
    expect(verifyWhatsAppSignature('forged', read.body, read.headers['x-hub-signature-256'])).toBe(false);
    expect(parseWhatsAppWebhook(JSON.parse(read.body)).statuses).toMatchObject([{ providerMessageId: id, status: 'read', reference: 'n-42' }]);
    const inbound = wa.inbound(hook, { from: '+919812345678', text: 'SAFE' });
    expect(verifyWhatsAppSignature(wa.appSecret, inbound.body, inbound.headers['x-hub-signature-256'])).toBe(true);
    expect(parseWhatsAppWebhook(JSON.parse(inbound.body)).messages).toMatchObject([{ from: '+919812345678', text: 'SAFE' }]);
    const challenge = wa.challenge(hook, { challenge: '12345' });
    const query = Object.fromEntries(new URL(challenge.url).searchParams);
    expect(answerWhatsAppChallenge(query, wa.verifyToken)).toBe('12345');
  });

  it('keeps template parameters free of new lines and long runs of spaces', () => {
    expect(templateParameter('a\n\n b\tc      d\r\n')).toBe('a · b c d');
  });
});
