import { createHmac } from 'node:crypto';
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel.js';
import { callProvider, field } from './provider-request.js';

const provider = 'webhook';

export interface WebhookSmsOptions {
  /** The SMS gateway's URL (SMS_WEBHOOK_URL). */
  url: string;
  /** Shared secret of the HMAC signatures, both ways (SMS_WEBHOOK_SECRET). */
  secret: string;
  /** PUBLIC_URL/api/v1/hooks/webhook/status, sent with each message for the gateway's status callbacks. */
  statusUrl?: string | undefined;
  fetch?: typeof fetch;
  /** Seconds since the epoch (tests pass a fixed clock). */
  now?: () => number;
}

/** `sha256=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`): the signature both directions carry. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * SMS through a local gateway (an Indian aggregator behind a small bridge, for instance): a JSON POST
 * `{id, to, text, dltTemplateId, statusUrl}` signed with X-SafeSchools-Timestamp and X-SafeSchools-Signature; the
 * gateway answers `{messageId}`. Classified like the other providers.
 */
export function createWebhookSmsChannel(options: WebhookSmsOptions): ChannelAdapter {
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return {
    channel: 'sms',
    provider,
    send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
      const body = JSON.stringify({
        id: message.notificationId,
        to: message.to,
        text: message.body,
        dltTemplateId: message.dltTemplateId ?? null,
        statusUrl: options.statusUrl ?? null,
      });
      const timestamp = String(now());
      return callProvider({
        provider,
        fetch: fetcher,
        url: options.url,
        signal,
        init: {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-safeschools-timestamp': timestamp,
            'x-safeschools-signature': signWebhookBody(options.secret, timestamp, body),
          },
          body,
        },
        messageId: (json) => {
          const id = field(json, 'messageId');
          return typeof id === 'string' && id !== '' ? id : null;
        },
        error: (json, status) => {
          const error = field(json, 'error');
          const code = field(json, 'code') ?? field(error, 'code');
          const text = field(json, 'message') ?? field(error, 'message') ?? (typeof error === 'string' ? error : undefined);
          return {
            code: typeof code === 'string' || typeof code === 'number' ? `WEBHOOK_${code}` : `HTTP_${status}`,
            message: typeof text === 'string' ? text : `the SMS gateway answered ${status}`,
          };
        },
      });
    },
    close: async () => {},
  };
}
