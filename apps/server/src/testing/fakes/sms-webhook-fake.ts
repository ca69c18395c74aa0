import { randomBytes } from 'node:crypto';
import { signWebhookBody } from '../../channels/webhook-sms-channel.js';
import { verifyWebhookSignature } from '../../channels/provider-callbacks.js';
import { answerJson, deliver, listenOnLoopback, Recorder, Storm, type SignedRequest } from './fake-server.js';

export interface GatewayMessage {
  messageId: string;
  id: string;
  to: string;
  text: string;
  dltTemplateId: string | null;
  statusUrl: string | null;
}

export type GatewayStormAnswer = { status: 429; retryAfter?: string } | { status: 500 | 502 | 503 };

export interface SmsWebhookFake {
  /** SMS_WEBHOOK_URL for the adapter. */
  readonly url: string;
  readonly secret: string;
  readonly messages: Recorder<GatewayMessage>;
  /** Requests refused because their signature or timestamp did not verify. */
  readonly refusedCount: () => number;
  storm(count: number, answer: GatewayStormAnswer): void;
  rejectNumber(to: string, error?: { status?: number; code?: string; message?: string }): void;
  /** `{messageId, status, errorCode}` signed with the shared secret, to the message's statusUrl (or `url`). */
  statusCallback(messageId: string, status: string, options?: { url?: string; errorCode?: string; timestamp?: number }): SignedRequest;
  /** `{from, text, messageId}` signed with the shared secret. */
  inbound(url: string, message: { from: string; text: string }): SignedRequest;
  deliver: typeof deliver;
  close(): Promise<void>;
}

/** A generic SMS gateway on 127.0.0.1 that checks our HMAC signature and answers `{messageId}`. */
export async function startSmsWebhookFake(options: { secret?: string } = {}): Promise<SmsWebhookFake> {
  const secret = options.secret ?? randomBytes(24).toString('hex');
  const messages = new Recorder<GatewayMessage>();
  const storm = new Storm<GatewayStormAnswer>();
  const rejected = new Map<string, { status: number; code: string; message: string }>();
  let refused = 0;

  const server = await listenOnLoopback((request, body, response) => {
    const timestamp = header(request.headers['x-safeschools-timestamp']);
    if (request.method !== 'POST' || !verifyWebhookSignature(secret, timestamp, body, header(request.headers['x-safeschools-signature']))) {
      refused += 1;
      answerJson(response, 401, { error: { code: 'SIGNATURE', message: 'signature does not verify' } });
      return;
    }
    const programmed = storm.take();
    if (programmed) {
      const retry: Record<string, string> = programmed.status === 429 && programmed.retryAfter ? { 'retry-after': programmed.retryAfter } : {};
      answerJson(response, programmed.status, { error: { code: programmed.status === 429 ? 'THROTTLED' : 'UNAVAILABLE', message: 'try later' } }, retry);
      return;
    }
    const json = JSON.parse(body) as Omit<GatewayMessage, 'messageId'>;
    const refusal = rejected.get(json.to);
    if (refusal) {
      answerJson(response, refusal.status, { error: { code: refusal.code, message: refusal.message } });
      return;
    }
    const messageId = `gw-${randomBytes(8).toString('hex')}`;
    answerJson(response, 200, { messageId });
    messages.push({ ...json, messageId });
  });

  const signed = (url: string, payload: unknown, timestamp = Math.floor(Date.now() / 1000)): SignedRequest => {
    const body = JSON.stringify(payload);
    const ts = String(timestamp);
    return {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        'x-safeschools-timestamp': ts,
        'x-safeschools-signature': signWebhookBody(secret, ts, body),
      },
      body,
    };
  };

  return {
    url: `${server.url}/sms`,
    secret,
    messages,
    refusedCount: () => refused,
    storm: (count, answer) => storm.next(count, answer),
    rejectNumber: (to, error = {}) =>
      rejected.set(to, { status: error.status ?? 400, code: error.code ?? 'INVALID_NUMBER', message: error.message ?? 'invalid number' }),
    statusCallback(messageId, status, callbackOptions = {}) {
      const url = callbackOptions.url ?? messages.items.find((m) => m.messageId === messageId)?.statusUrl;
      if (!url) throw new Error(`no status URL for ${messageId}`);
      return signed(url, { messageId, status, ...(callbackOptions.errorCode ? { errorCode: callbackOptions.errorCode } : {}) }, callbackOptions.timestamp);
    },
    inbound: (url, message) => signed(url, { from: message.from, text: message.text, messageId: `gw-in-${randomBytes(8).toString('hex')}` }),
    deliver,
    close: () => server.close(),
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
