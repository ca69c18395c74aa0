import type { Config } from '../config/config.js';
import { channelNames, type ChannelAdapter, type ChannelName, type Channels } from './channel.js';
import { TokenBucket, type Clock } from './token-bucket.js';
import { createSmtpChannel } from './smtp-channel.js';
import { createTwilioSmsChannel } from './twilio-sms-channel.js';
import { createWebhookSmsChannel } from './webhook-sms-channel.js';
import { createWhatsAppCloudChannel } from './whatsapp-cloud-channel.js';
import { hookUrl } from './hook-paths.js';

export type ChannelsConfig = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'SMS_PROVIDER'
  | 'TWILIO_BASE_URL'
  | 'TWILIO_ACCOUNT_SID'
  | 'TWILIO_AUTH_TOKEN'
  | 'TWILIO_FROM'
  | 'TWILIO_MESSAGING_SERVICE_SID'
  | 'SMS_WEBHOOK_URL'
  | 'SMS_WEBHOOK_SECRET'
  | 'WHATSAPP_BASE_URL'
  | 'WHATSAPP_PHONE_NUMBER_ID'
  | 'WHATSAPP_TOKEN'
  | 'WHATSAPP_TEMPLATE'
  | 'RATE_EMAIL_PER_SECOND'
  | 'RATE_SMS_PER_SECOND'
  | 'RATE_WHATSAPP_PER_SECOND'
>;

export interface Rate {
  perSecond: number;
  /** Bucket size; one second's worth when not given. */
  burst?: number;
}

/**
 * The adapters the configuration asks for; a channel with nothing configured is null (its messages stay in the
 * outbox as not_sent). Config validation (config.ts) has already checked that each provider has its companions.
 */
export function createChannels(config: ChannelsConfig, options: { fetch?: typeof fetch; clock?: Clock } = {}): Channels {
  const fetcher = options.fetch ?? fetch;
  const email =
    config.SMTP_URL && config.MAIL_FROM ? createSmtpChannel({ url: config.SMTP_URL, from: config.MAIL_FROM }) : null;
  let sms: ChannelAdapter | null = null;
  if (config.SMS_PROVIDER === 'twilio' && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    sms = createTwilioSmsChannel({
      baseUrl: config.TWILIO_BASE_URL,
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      ...(config.TWILIO_MESSAGING_SERVICE_SID
        ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID }
        : { from: config.TWILIO_FROM ?? '' }),
      statusCallbackUrl: hookUrl(config.PUBLIC_URL, 'twilio', 'status'),
      fetch: fetcher,
    });
  } else if (config.SMS_PROVIDER === 'webhook' && config.SMS_WEBHOOK_URL && config.SMS_WEBHOOK_SECRET) {
    sms = createWebhookSmsChannel({
      url: config.SMS_WEBHOOK_URL,
      secret: config.SMS_WEBHOOK_SECRET,
      statusUrl: hookUrl(config.PUBLIC_URL, 'webhook', 'status'),
      fetch: fetcher,
    });
  }
  const whatsapp =
    config.WHATSAPP_PHONE_NUMBER_ID && config.WHATSAPP_TOKEN && config.WHATSAPP_TEMPLATE
      ? createWhatsAppCloudChannel({
          baseUrl: config.WHATSAPP_BASE_URL,
          phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
          token: config.WHATSAPP_TOKEN,
          template: config.WHATSAPP_TEMPLATE,
          fetch: fetcher,
        })
      : null;
  return channelsFrom(
    { email, sms, whatsapp },
    {
      email: { perSecond: config.RATE_EMAIL_PER_SECOND },
      sms: { perSecond: config.RATE_SMS_PER_SECOND },
      whatsapp: { perSecond: config.RATE_WHATSAPP_PER_SECOND },
    },
    options.clock,
  );
}

const defaultRates: Record<ChannelName, number> = { email: 20, sms: 10, whatsapp: 20 };

/** Channels from adapters made elsewhere (tests pass adapters pointed at the loopback fakes). */
export function channelsFrom(
  adapters: Partial<Record<ChannelName, ChannelAdapter | null>>,
  rates: Partial<Record<ChannelName, Rate>> = {},
  clock?: Clock,
): Channels {
  const buckets = new Map<ChannelName, TokenBucket>();
  for (const channel of channelNames) {
    const rate = rates[channel] ?? { perSecond: defaultRates[channel] };
    buckets.set(
      channel,
      new TokenBucket({
        perSecond: rate.perSecond,
        burst: rate.burst ?? Math.ceil(rate.perSecond),
        ...(clock ? { clock } : {}),
      }),
    );
  }
  let closing: Promise<void> | undefined;
  return {
    get: (channel) => adapters[channel] ?? null,
    rate: (channel) => {
      const bucket = buckets.get(channel)!;
      return { perSecond: bucket.perSecond, burst: bucket.burst };
    },
    bucket: (channel) => buckets.get(channel)!,
    close: () =>
      (closing ??= Promise.all(
        channelNames.map((c) => adapters[c]).flatMap((adapter) => (adapter ? [adapter.close()] : [])),
      ).then(() => undefined)),
  };
}

/** One line per channel for the start-up message; SMTP credentials are never shown. */
export function describeChannels(config: ChannelsConfig): string[] {
  const sms =
    config.SMS_PROVIDER === 'twilio'
      ? `Twilio (${config.TWILIO_BASE_URL})`
      : config.SMS_PROVIDER === 'webhook' && config.SMS_WEBHOOK_URL
        ? `webhook gateway (${redactUrl(config.SMS_WEBHOOK_URL)})`
        : null;
  return [
    `e-mail: ${config.SMTP_URL ? redactUrl(config.SMTP_URL) : 'not configured (kept in the outbox)'}`,
    `SMS: ${sms ?? 'not configured (kept in the outbox)'}`,
    `WhatsApp: ${config.WHATSAPP_PHONE_NUMBER_ID ? `Cloud API (${config.WHATSAPP_BASE_URL})` : 'not configured (kept in the outbox)'}`,
  ];
}

/** A URL with its user name and password replaced, and its query dropped (it may carry options with secrets). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hadCredentials = parsed.username !== '' || parsed.password !== '';
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    const text = parsed.toString().replace(/\/$/, '');
    return hadCredentials ? text.replace('://', '://***@') : text;
  } catch {
    return '(unreadable URL)';
  }
}
