import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  answerWhatsAppChallenge,
  parseTwilioInbound,
  parseTwilioStatus,
  parseWebhookInbound,
  parseWebhookStatus,
  parseWhatsAppWebhook,
  twilioSignature,
  verifyTwilioSignature,
  verifyWebhookSignature,
  verifyWhatsAppSignature,
  whatsAppSignature,
} from './provider-callbacks.js';
import { signWebhookBody } from './webhook-sms-channel.js';

describe('Twilio callbacks', () => {
  const token = 'twilio-auth-token';
  const url = 'https://safeschools.example.org/api/v1/hooks/twilio/status';
  const params = { MessageStatus: 'delivered', MessageSid: 'SM123', AccountSid: 'AC1' };

  it('signs the URL with the parameters sorted by key, each key and value concatenated', () => {
    const expected = createHmac('sha1', token)
      .update(`${url}AccountSidAC1MessageSidSM123MessageStatusdelivered`)
      .digest('base64');
    expect(twilioSignature(token, url, params)).toBe(expected);
    expect(verifyTwilioSignature(token, url, params, expected)).toBe(true);
  });

  it('refuses a forged, missing or replayed-elsewhere signature', () => {
    const good = twilioSignature(token, url, params);
    expect(verifyTwilioSignature('other-token', url, params, good)).toBe(false);
    expect(verifyTwilioSignature(token, url, { ...params, MessageStatus: 'failed' }, good)).toBe(false);
    expect(verifyTwilioSignature(token, `${url}?x=1`, params, good)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, 'short')).toBe(false);
  });

  it('maps MessageStatus to forward steps; queued and sending are not steps', () => {
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'delivered' })).toEqual({
      provider: 'twilio',
      providerMessageId: 'SM1',
      status: 'delivered',
    });
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30003' })).toMatchObject({
      status: 'failed',
      errorCode: 'TWILIO_30003',
    });
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'read' })?.status).toBe('read');
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'sent' })?.status).toBe('sent');
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'queued' })).toBeNull();
    expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'sending' })).toBeNull();
    expect(parseTwilioStatus({ MessageStatus: 'delivered' })).toBeNull();
  });

  it('reads an inbound SMS', () => {
    expect(parseTwilioInbound({ From: '+919812345678', Body: 'सुरक्षित', MessageSid: 'SM9' })).toEqual({
      provider: 'twilio',
      channel: 'sms',
      from: '+919812345678',
      text: 'सुरक्षित',
      providerMessageId: 'SM9',
    });
    expect(parseTwilioInbound({ Body: 'SAFE' })).toBeNull();
  });
});

describe('webhook gateway callbacks', () => {
  const secret = 'a-shared-secret-of-some-length';
  const body = JSON.stringify({ messageId: 'gw-1', status: 'delivered' });
  const now = 1_800_000_000;

  it('verifies HMAC-SHA256 over timestamp and body within five minutes', () => {
    const ts = String(now - 60);
    const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
    expect(signWebhookBody(secret, ts, body)).toBe(signature);
    expect(verifyWebhookSignature(secret, ts, body, signature, now)).toBe(true);
  });

  it('refuses a forged signature, another body, and an old or future timestamp', () => {
    const ts = String(now);
    const signature = signWebhookBody(secret, ts, body);
    expect(verifyWebhookSignature('another-secret-entirely', ts, body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(secret, ts, `${body} `, signature, now)).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, signature, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, signature, now - 301)).toBe(false);
    expect(verifyWebhookSignature(secret, ts, body, signature, now + 300)).toBe(true);
    expect(verifyWebhookSignature(secret, undefined, body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(secret, 'soon', body, signature, now)).toBe(false);
  });

  it('parses statuses and inbound messages', () => {
    expect(parseWebhookStatus({ messageId: 'gw-1', status: 'undelivered', errorCode: 'DND' })).toEqual({
      provider: 'webhook',
      providerMessageId: 'gw-1',
      status: 'failed',
      errorCode: 'WEBHOOK_DND',
    });
    expect(parseWebhookStatus({ messageId: 'gw-1', status: 'submitted' })).toBeNull();
    expect(parseWebhookStatus('nonsense')).toBeNull();
    expect(parseWebhookInbound({ from: '+919812345678', text: 'STOP', messageId: 'in-1' })).toEqual({
      provider: 'webhook',
      channel: 'sms',
      from: '+919812345678',
      text: 'STOP',
      providerMessageId: 'in-1',
    });
    expect(parseWebhookInbound({ text: 'STOP' })).toBeNull();
  });
});

describe('WhatsApp callbacks', () => {
  const appSecret = 'whatsapp-app-secret';
  const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });

  it('verifies X-Hub-Signature-256 and refuses forgeries', () => {
    const signature = `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
    expect(whatsAppSignature(appSecret, raw)).toBe(signature);
    expect(verifyWhatsAppSignature(appSecret, raw, signature)).toBe(true);
    expect(verifyWhatsAppSignature('other', raw, signature)).toBe(false);
    expect(verifyWhatsAppSignature(appSecret, raw.replace('[]', '[{}]'), signature)).toBe(false);
    expect(verifyWhatsAppSignature(appSecret, raw, undefined)).toBe(false);
  });

  it('answers the subscription challenge only with our verify token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' };
    expect(answerWhatsAppChallenge(query, 'tok')).toBe('1158201444');
    expect(answerWhatsAppChallenge(query, 'other')).toBeNull();
    expect(answerWhatsAppChallenge({ ...query, 'hub.mode': 'unsubscribe' }, 'tok')).toBeNull();
    expect(answerWhatsAppChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'tok')).toBeNull();
  });

  it('reads statuses and messages from every entry and change', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                statuses: [
                  { id: 'wamid.A', status: 'read', timestamp: '1700000000', recipient_id: '919812345678', biz_opaque_callback_data: 'n-1' },
                  { id: 'wamid.B', status: 'failed', timestamp: '1700000001', errors: [{ code: 131026, title: 'Message undeliverable' }] },
                  { id: 'wamid.C', status: 'deleted' },
                ],
              },
            },
          ],
        },
        {
          id: '2',
          changes: [
            {
              field: 'messages',
              value: {
                messages: [
                  { from: '919812345678', id: 'wamid.in', type: 'text', text: { body: 'SAFE' } },
                  { from: '819012345678', id: 'wamid.btn', type: 'button', button: { text: '無事' } },
                  { id: 'no-from', type: 'text', text: { body: 'x' } },
                ],
              },
            },
          ],
        },
      ],
    };
    const parsed = parseWhatsAppWebhook(payload);
    expect(parsed.statuses).toEqual([
      { provider: 'whatsapp-cloud', providerMessageId: 'wamid.A', status: 'read', at: new Date(1_700_000_000_000), reference: 'n-1' },
      {
        provider: 'whatsapp-cloud',
        providerMessageId: 'wamid.B',
        status: 'failed',
        errorCode: 'WA_131026',
        errorMessage: 'Message undeliverable',
        at: new Date(1_700_000_001_000),
      },
    ]);
    expect(parsed.messages).toEqual([
      { provider: 'whatsapp-cloud', channel: 'whatsapp', from: '+919812345678', text: 'SAFE', providerMessageId: 'wamid.in' },
      { provider: 'whatsapp-cloud', channel: 'whatsapp', from: '+819012345678', text: '無事', providerMessageId: 'wamid.btn' },
    ]);
    expect(parseWhatsAppWebhook(null)).toEqual({ statuses: [], messages: [] });
  });
});
