import type { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel.js';
import { callProvider, field } from './provider-request.js';

const provider = 'twilio';

export interface TwilioSmsOptions {
  /** https://api.twilio.com, or a compatible API (the loopback fake in tests). */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or alphanumeric sender id, unless a messaging service picks it. */
  from?: string;
  messagingServiceSid?: string;
  /** PUBLIC_URL/api/v1/hooks/twilio/status; without PUBLIC_URL no status callbacks are asked for. */
  statusCallbackUrl?: string | undefined;
  fetch?: typeof fetch;
}

/**
 * SMS through Twilio's Messages resource (form-encoded POST, HTTP basic auth). 201 → sent with the SM… sid;
 * 429 (Retry-After) and 5xx → retry; other 4xx → failed with Twilio's error code (21211: not a valid number).
 */
export function createTwilioSmsChannel(options: TwilioSmsOptions): ChannelAdapter {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const fetcher = options.fetch ?? fetch;
  return {
    channel: 'sms',
    provider,
    send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if (options.messagingServiceSid) form.set('MessagingServiceSid', options.messagingServiceSid);
      else form.set('From', options.from ?? '');
      if (options.statusCallbackUrl) form.set('StatusCallback', options.statusCallbackUrl);
      return callProvider({
        provider,
        fetch: fetcher,
        url,
        signal,
        init: {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
        },
        messageId: (json) => {
          const sid = field(json, 'sid');
          return typeof sid === 'string' ? sid : null;
        },
        error: (json, status) => {
          const code = field(json, 'code');
          const text = field(json, 'message');
          return {
            code: typeof code === 'number' || typeof code === 'string' ? `TWILIO_${code}` : `HTTP_${status}`,
            message: typeof text === 'string' ? text : `Twilio answered ${status}`,
          };
        },
      });
    },
    close: async () => {},
  };
}
