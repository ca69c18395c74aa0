import { randomBytes } from 'node:crypto';
import { whatsAppSignature } from '../../channels/provider-callbacks.js';
import { answerJson, deliver, listenOnLoopback, Recorder, Storm, type SignedRequest } from './fake-server.js';

export interface WhatsAppFakeMessage {
  id: string;
  to: string;
  template: string;
  language: string;
  parameters: string[];
  reference: string | null;
}

export type WhatsAppErrorAnswer = { status: number; code: number; message?: string; retryAfter?: string };

export interface WhatsAppFake {
  /** WHATSAPP_BASE_URL for the adapter (with the API version, like graph.facebook.com/v21.0). */
  readonly baseUrl: string;
  readonly phoneNumberId: string;
  readonly token: string;
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly messages: Recorder<WhatsAppFakeMessage>;
  /** The next `count` sends are answered with this error (429 / 130429 rate limit, 500, …). */
  storm(count: number, answer: WhatsAppErrorAnswer): void;
  /** Sends to `to` (E.164) are refused with this error (e.g. 400 / 131026 undeliverable). */
  rejectNumber(to: string, answer: WhatsAppErrorAnswer): void;
  /** A status webhook as Meta sends it, signed with X-Hub-Signature-256. */
  statusCallback(url: string, messageId: string, status: 'sent' | 'delivered' | 'read' | 'failed', options?: { errorCode?: number }): SignedRequest;
  /** An incoming text message webhook, signed. */
  inbound(url: string, message: { from: string; text: string }): SignedRequest;
  /** The GET subscription check Meta makes when the webhook URL is set. */
  challenge(url: string, options?: { verifyToken?: string; challenge?: string }): SignedRequest;
  deliver: typeof deliver;
  close(): Promise<void>;
}

/** WhatsApp Cloud API's messages endpoint on 127.0.0.1: bearer token, template messages, signed webhooks. */
export async function startWhatsAppFake(
  options: { phoneNumberId?: string; token?: string; appSecret?: string; verifyToken?: string } = {},
): Promise<WhatsAppFake> {
  const phoneNumberId = options.phoneNumberId ?? '106540352242922';
  const token = options.token ?? randomBytes(24).toString('hex');
  const appSecret = options.appSecret ?? randomBytes(16).toString('hex');
  const verifyToken = options.verifyToken ?? randomBytes(8).toString('hex');
  const messages = new Recorder<WhatsAppFakeMessage>();
  const storm = new Storm<WhatsAppErrorAnswer>();
  const rejected = new Map<string, WhatsAppErrorAnswer>();
  const sentTo = new Map<string, string>();

  const fail = (response: Parameters<typeof answerJson>[0], answer: WhatsAppErrorAnswer) =>
    answerJson(
      response,
      answer.status,
      { error: { message: answer.message ?? `(#${answer.code}) error`, type: 'OAuthException', code: answer.code, fbtrace_id: 'Afake' } },
      answer.retryAfter ? { 'retry-after': answer.retryAfter } : {},
    );

  const server = await listenOnLoopback((request, body, response) => {
    if (request.method !== 'POST' || request.url !== `/v21.0/${phoneNumberId}/messages`) {
      fail(response, { status: 404, code: 100, message: 'Unsupported post request' });
      return;
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      fail(response, { status: 401, code: 190, message: 'Invalid OAuth access token' });
      return;
    }
    const programmed = storm.take();
    if (programmed) {
      fail(response, programmed);
      return;
    }
    const json = JSON.parse(body) as {
      messaging_product?: string;
      to?: string;
      type?: string;
      biz_opaque_callback_data?: string;
      template?: { name?: string; language?: { code?: string }; components?: { type: string; parameters?: { type: string; text: string }[] }[] };
    };
    const to = `+${(json.to ?? '').replace(/^\+/, '')}`;
    const refusal = rejected.get(to);
    if (refusal) {
      fail(response, refusal);
      return;
    }
    if (json.messaging_product !== 'whatsapp' || json.type !== 'template' || !json.template?.name || !json.template.language?.code) {
      // Outside the 24-hour window only templates are delivered.
      fail(response, { status: 400, code: 131047, message: 'Re-engagement message' });
      return;
    }
    const parameters = (json.template.components ?? []).filter((c) => c.type === 'body').flatMap((c) => c.parameters ?? []).map((p) => p.text);
    if (parameters.some((p) => /[\n\t]| {5,}/.test(p))) {
      fail(response, { status: 400, code: 132018, message: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces' });
      return;
    }
    const id = `wamid.${randomBytes(18).toString('base64url')}`;
    sentTo.set(id, to.slice(1));
    answerJson(response, 200, { messaging_product: 'whatsapp', contacts: [{ input: json.to, wa_id: to.slice(1) }], messages: [{ id, message_status: 'accepted' }] });
    messages.push({
      id,
      to,
      template: json.template.name,
      language: json.template.language.code,
      parameters,
      reference: json.biz_opaque_callback_data ?? null,
    });
  });

  const signed = (url: string, change: Record<string, unknown>): SignedRequest => {
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...change } },
          ],
        },
      ],
    });
    return {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': whatsAppSignature(appSecret, body) },
      body,
    };
  };
  const now = () => String(Math.floor(Date.now() / 1000));

  return {
    baseUrl: `${server.url}/v21.0`,
    phoneNumberId,
    token,
    appSecret,
    verifyToken,
    messages,
    storm: (count, answer) => storm.next(count, answer),
    rejectNumber: (to, answer) => rejected.set(to, answer),
    statusCallback(url, messageId, status, callbackOptions = {}) {
      const reference = messages.items.find((m) => m.id === messageId)?.reference;
      return signed(url, {
        statuses: [
          {
            id: messageId,
            status,
            timestamp: now(),
            recipient_id: sentTo.get(messageId) ?? '',
            ...(reference ? { biz_opaque_callback_data: reference } : {}),
            ...(callbackOptions.errorCode
              ? { errors: [{ code: callbackOptions.errorCode, title: 'Message failed', message: 'Message failed', error_data: { details: 'fake' } }] }
              : {}),
          },
        ],
      });
    },
    inbound(url, message) {
      const waId = message.from.replace(/^\+/, '');
      return signed(url, {
        contacts: [{ profile: { name: 'Focal point' }, wa_id: waId }],
        messages: [{ from: waId, id: `wamid.${randomBytes(18).toString('base64url')}`, timestamp: now(), type: 'text', text: { body: message.text } }],
      });
    },
    challenge(url, challengeOptions = {}) {
      const query = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.verify_token': challengeOptions.verifyToken ?? verifyToken,
        'hub.challenge': challengeOptions.challenge ?? randomBytes(6).toString('hex'),
      });
      return { method: 'GET', url: `${url}?${query.toString()}`, headers: {}, body: '' };
    },
    deliver,
    close: () => server.close(),
  };
}
