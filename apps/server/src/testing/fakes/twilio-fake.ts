import { randomBytes } from 'node:crypto';
import { twilioSignature } from '../../channels/provider-callbacks.js';
import { answerJson, deliver, listenOnLoopback, Recorder, Storm, type SignedRequest } from './fake-server.js';

export interface TwilioFakeMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

export type TwilioStormAnswer = { status: 429; retryAfter?: string } | { status: 500 | 502 | 503 };

export interface TwilioFake {
  /** TWILIO_BASE_URL for the adapter. */
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly messages: Recorder<TwilioFakeMessage>;
  /** Requests received, answered or not. */
  readonly requestCount: () => number;
  /** The next `count` requests are answered with `answer` (a 429 storm with Retry-After, or 5xx). */
  storm(count: number, answer: TwilioStormAnswer): void;
  /** Sends to `to` are refused with this Twilio error (default 400 / 21211 "not a valid phone number"). */
  rejectNumber(to: string, error?: { status?: number; code?: number; message?: string }): void;
  /** A status callback as Twilio sends it, signed with X-Twilio-Signature (to the message's StatusCallback). */
  statusCallback(sid: string, status: string, options?: { url?: string; errorCode?: string }): SignedRequest;
  /** An incoming SMS as Twilio posts it to the number's webhook, signed. */
  inbound(url: string, message: { from: string; body: string; to?: string }): SignedRequest;
  deliver: typeof deliver;
  close(): Promise<void>;
}

/** Twilio's Messages resource on 127.0.0.1: basic auth, 201 with an SM… sid, storms and signed callbacks. */
export async function startTwilioFake(
  options: { accountSid?: string; authToken?: string } = {},
): Promise<TwilioFake> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages = new Recorder<TwilioFakeMessage>();
  const storm = new Storm<TwilioStormAnswer>();
  const rejected = new Map<string, { status: number; code: number; message: string }>();
  let requests = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const server = await listenOnLoopback((request, body, response) => {
    requests += 1;
    const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    if (request.method !== 'POST' || request.url !== path) {
      answerJson(response, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      return;
    }
    if (request.headers.authorization !== expectedAuth) {
      answerJson(response, 401, { code: 20003, message: 'Authenticate', status: 401 });
      return;
    }
    const programmed = storm.take();
    if (programmed?.status === 429) {
      answerJson(response, 429, { code: 20429, message: 'Too Many Requests', status: 429 }, programmed.retryAfter ? { 'retry-after': programmed.retryAfter } : {});
      return;
    }
    if (programmed) {
      answerJson(response, programmed.status, { code: 20500, message: 'Internal Server Error', status: programmed.status });
      return;
    }
    const form = new URLSearchParams(body);
    const to = form.get('To') ?? '';
    const refusal = rejected.get(to);
    if (refusal) {
      answerJson(response, refusal.status, { code: refusal.code, message: refusal.message, status: refusal.status });
      return;
    }
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      answerJson(response, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
      return;
    }
    if (!form.get('Body')) {
      answerJson(response, 400, { code: 21602, message: 'Message body is required.', status: 400 });
      return;
    }
    if (!form.get('From') && !form.get('MessagingServiceSid')) {
      answerJson(response, 400, { code: 21603, message: "A 'From' or 'MessagingServiceSid' parameter is required.", status: 400 });
      return;
    }
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const message: TwilioFakeMessage = {
      sid,
      to,
      from: form.get('From'),
      messagingServiceSid: form.get('MessagingServiceSid'),
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback'),
    };
    answerJson(response, 201, {
      sid,
      account_sid: accountSid,
      to,
      from: message.from,
      messaging_service_sid: message.messagingServiceSid,
      body: message.body,
      status: 'queued',
      num_segments: '1',
      error_code: null,
      error_message: null,
      uri: `${path.replace('.json', '')}/${sid}.json`,
    });
    messages.push(message);
  });

  const signed = (url: string, params: Record<string, string>): SignedRequest => ({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });

  return {
    baseUrl: server.url,
    accountSid,
    authToken,
    messages,
    requestCount: () => requests,
    storm: (count, answer) => storm.next(count, answer),
    rejectNumber: (to, error = {}) =>
      rejected.set(to, {
        status: error.status ?? 400,
        code: error.code ?? 21211,
        message: error.message ?? `The 'To' number ${to} is not a valid phone number.`,
      }),
    statusCallback(sid, status, callbackOptions = {}) {
      const message = messages.items.find((m) => m.sid === sid);
      const url = callbackOptions.url ?? message?.statusCallback;
      if (!url) throw new Error(`no status callback URL for ${sid}`);
      return signed(url, {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        To: message?.to ?? '',
        From: message?.from ?? '',
        ...(callbackOptions.errorCode ? { ErrorCode: callbackOptions.errorCode } : {}),
      });
    },
    inbound(url, message) {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      return signed(url, {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        MessageSid: sid,
        SmsSid: sid,
        SmsMessageSid: sid,
        From: message.from,
        To: message.to ?? '+15005550006',
        Body: message.body,
        NumMedia: '0',
        NumSegments: '1',
      });
    },
    deliver,
    close: () => server.close(),
  };
}
