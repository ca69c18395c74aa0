import type { ChannelAdapter, Language, OutgoingMessage, SendOutcome } from './channel.js';
import { callProvider, field } from './provider-request.js';

const provider = 'whatsapp-cloud';

export interface WhatsAppCloudOptions {
  /** https://graph.facebook.com/v21.0, or the loopback fake in tests. */
  baseUrl: string;
  phoneNumberId: string;
  token: string;
  /** The approved template (WHATSAPP_TEMPLATE) whose one body parameter is the message text. */
  template: string;
  fetch?: typeof fetch;
}

/**
 * Error codes that are WhatsApp's rate limits (answered 400 or 429): try again later, not a failure.
 * 4 / 80007: app or account call limit; 130429: throughput; 131048: spam limit; 131056: too many to one number.
 */
const rateLimitCodes = new Set([4, 80007, 130429, 131048, 131056]);

/**
 * WhatsApp through the Cloud API. The 24-hour customer-service window: a business may send free-form messages to
 * a person only within 24 hours of that person's last message to it; outside the window (an alert, nearly always)
 * only a pre-approved template is delivered, and a free-form message is refused with error 131047 ("re-engagement
 * message"). So every alert goes as the template WHATSAPP_TEMPLATE (approved in en, hi and ja) with the rendered
 * text as its body parameter. 131047 is permanent for that message: delivery falls back to the next channel.
 */
export function createWhatsAppCloudChannel(options: WhatsAppCloudOptions): ChannelAdapter {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  const fetcher = options.fetch ?? fetch;
  return {
    channel: 'whatsapp',
    provider,
    send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
      const template = message.whatsappTemplate ?? {
        name: options.template,
        language: templateLanguage(message.language),
        parameters: [message.body],
      };
      const body = JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: message.to.replace(/^\+/, ''),
        type: 'template',
        // Returned in the status webhooks: the outbox row even when the message id was not recorded.
        biz_opaque_callback_data: message.notificationId,
        template: {
          name: template.name,
          language: { code: template.language },
          components: [
            { type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text: templateParameter(text) })) },
          ],
        },
      });
      return callProvider({
        provider,
        fetch: fetcher,
        url,
        signal,
        init: {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body,
        },
        messageId: (json) => {
          const messages = field(json, 'messages');
          const id = Array.isArray(messages) ? field(messages[0], 'id') : undefined;
          return typeof id === 'string' ? id : null;
        },
        error: (json, status) => {
          const error = field(json, 'error');
          const code = field(error, 'code');
          const text = field(error, 'message');
          return {
            code: typeof code === 'number' || typeof code === 'string' ? `WA_${code}` : `HTTP_${status}`,
            message: typeof text === 'string' ? text : `WhatsApp answered ${status}`,
          };
        },
        temporary: (json) => rateLimitCodes.has(Number(field(field(json, 'error'), 'code'))),
      });
    },
    close: async () => {},
  };
}

/** The template language code WhatsApp expects for our languages (the template must be approved in each). */
export function templateLanguage(language: Language): string {
  return language;
}

/**
 * WhatsApp refuses template parameters with new lines, tabs or more than four spaces in a row (error 132018):
 * lines are joined with " · " so the text survives.
 */
export function templateParameter(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter(Boolean)
    .join(' · ');
}
