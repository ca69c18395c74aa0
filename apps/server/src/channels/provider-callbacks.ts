/**
 * Pure checks and readers for provider callbacks (the hook routes in http/hooks/ use them). A callback whose
 * signature does not verify is refused before anything is read. Readers answer null for a payload that carries
 * nothing we record (an intermediate status, a malformed body): the route answers 200 and writes nothing, since
 * providers retry non-2xx answers and a retry would not be better.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InboundMessage, StatusUpdate } from './channel.js';
import { signWebhookBody } from './webhook-sms-channel.js';
import { field } from './provider-request.js';

export type FormParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Equal strings, in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// ---------------------------------------------------------------- Twilio

/** X-Twilio-Signature: base64 HMAC-SHA1(auth token, full URL + each parameter's key and value, sorted by key). */
export function twilioSignature(authToken: string, fullUrl: string, params: FormParams): string {
  let data = fullUrl;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    const values = typeof value === 'string' ? [value] : [...value].sort();
    for (const v of values) data += key + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** `fullUrl` is the URL Twilio called (PUBLIC_URL + path and query), `params` the form body. */
export function verifyTwilioSignature(
  authToken: string,
  fullUrl: string,
  params: FormParams,
  header: string | undefined,
): boolean {
  if (!header) return false;
  return sameText(twilioSignature(authToken, fullUrl, params), header.trim());
}

function one(params: FormParams, key: string): string | undefined {
  const value = params[key];
  const text = typeof value === 'string' ? value : value?.[0];
  return text === undefined || text === '' ? undefined : text;
}

/** Twilio's MessageStatus as one of our steps; queued/accepted/sending are steps we already passed (null). */
const twilioStatuses: Readonly<Record<string, StatusUpdate['status']>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

export function parseTwilioStatus(params: FormParams): StatusUpdate | null {
  const sid = one(params, 'MessageSid') ?? one(params, 'SmsSid');
  const status = twilioStatuses[(one(params, 'MessageStatus') ?? one(params, 'SmsStatus') ?? '').toLowerCase()];
  if (!sid || !status) return null;
  const errorCode = one(params, 'ErrorCode');
  const errorMessage = one(params, 'ErrorMessage');
  return {
    provider: 'twilio',
    providerMessageId: sid,
    status,
    ...(errorCode ? { errorCode: `TWILIO_${errorCode}` } : {}),
    ...(errorMessage ? { errorMessage } : {}),
  };
}

export function parseTwilioInbound(params: FormParams): InboundMessage | null {
  const from = one(params, 'From');
  const sid = one(params, 'MessageSid') ?? one(params, 'SmsSid');
  if (!from) return null;
  return { provider: 'twilio', channel: 'sms', from, text: one(params, 'Body') ?? '', ...(sid ? { providerMessageId: sid } : {}) };
}

// ---------------------------------------------------------------- generic webhook gateway

export const webhookSignatureWindowSeconds = 300;

/**
 * X-SafeSchools-Signature over `${timestamp}.${rawBody}` with the shared secret, and X-SafeSchools-Timestamp
 * (seconds) within five minutes of now, so a captured callback cannot be replayed later.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | undefined,
  rawBody: string,
  header: string | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!timestamp || !header || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > webhookSignatureWindowSeconds) return false;
  return sameText(signWebhookBody(secret, timestamp, rawBody), header.trim());
}

const webhookStatuses: Readonly<Record<string, StatusUpdate['status']>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  rejected: 'failed',
};

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `{messageId, status, errorCode?}` from the gateway. */
export function parseWebhookStatus(json: unknown): StatusUpdate | null {
  const messageId = text(field(json, 'messageId'));
  const status = webhookStatuses[(text(field(json, 'status')) ?? '').toLowerCase()];
  if (!messageId || !status) return null;
  const errorCode = text(field(json, 'errorCode'));
  return { provider: 'webhook', providerMessageId: messageId, status, ...(errorCode ? { errorCode: `WEBHOOK_${errorCode}` } : {}) };
}

/** `{from, text, messageId?}` from the gateway. */
export function parseWebhookInbound(json: unknown): InboundMessage | null {
  const from = text(field(json, 'from'));
  if (!from) return null;
  const messageId = text(field(json, 'messageId'));
  return { provider: 'webhook', channel: 'sms', from, text: text(field(json, 'text')) ?? '', ...(messageId ? { providerMessageId: messageId } : {}) };
}

// ---------------------------------------------------------------- WhatsApp Cloud API

/** X-Hub-Signature-256: `sha256=` + hex HMAC-SHA256(app secret, raw body). */
export function whatsAppSignature(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

export function verifyWhatsAppSignature(appSecret: string, rawBody: string, header: string | undefined): boolean {
  if (!header) return false;
  return sameText(whatsAppSignature(appSecret, rawBody), header.trim());
}

/**
 * The GET subscription check Meta makes when the webhook URL is set: answers hub.challenge when hub.mode is
 * `subscribe` and hub.verify_token is ours, otherwise null (the route answers 403).
 */
export function answerWhatsAppChallenge(
  query: Readonly<Record<string, unknown>>,
  verifyToken: string,
): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  return sameText(token, verifyToken) ? challenge : null;
}

export interface WhatsAppWebhook {
  statuses: (StatusUpdate & { /** biz_opaque_callback_data: our notification id */ reference?: string })[];
  messages: InboundMessage[];
}

const whatsAppStatuses: Readonly<Record<string, StatusUpdate['status']>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/** The statuses and messages of a webhook POST (`entry[].changes[].value`); unknown parts are skipped. */
export function parseWhatsAppWebhook(payload: unknown): WhatsAppWebhook {
  const out: WhatsAppWebhook = { statuses: [], messages: [] };
  for (const entry of list(field(payload, 'entry'))) {
    for (const change of list(field(entry, 'changes'))) {
      const value = field(change, 'value');
      for (const s of list(field(value, 'statuses'))) {
        const id = text(field(s, 'id'));
        const status = whatsAppStatuses[text(field(s, 'status')) ?? ''];
        if (!id || !status) continue;
        const error = list(field(s, 'errors'))[0];
        const code = text(field(error, 'code'));
        const message = text(field(error, 'message')) ?? text(field(error, 'title'));
        const seconds = Number(text(field(s, 'timestamp')));
        const reference = text(field(s, 'biz_opaque_callback_data'));
        out.statuses.push({
          provider: 'whatsapp-cloud',
          providerMessageId: id,
          status,
          ...(code ? { errorCode: `WA_${code}` } : {}),
          ...(message ? { errorMessage: message } : {}),
          ...(Number.isFinite(seconds) && seconds > 0 ? { at: new Date(seconds * 1000) } : {}),
          ...(reference ? { reference } : {}),
        });
      }
      for (const m of list(field(value, 'messages'))) {
        const from = text(field(m, 'from'));
        if (!from) continue;
        const body =
          text(field(field(m, 'text'), 'body')) ??
          text(field(field(m, 'button'), 'text')) ??
          text(field(field(field(m, 'interactive'), 'button_reply'), 'title')) ??
          '';
        const id = text(field(m, 'id'));
        out.messages.push({
          provider: 'whatsapp-cloud',
          channel: 'whatsapp',
          from: from.startsWith('+') ? from : `+${from}`,
          text: body,
          ...(id ? { providerMessageId: id } : {}),
        });
      }
    }
  }
  return out;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
