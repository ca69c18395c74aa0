/**
 * One way of reaching a person (e-mail, SMS, WhatsApp) behind one interface, so delivery (domain/alerts) does not
 * know which provider is configured. Adapters do I/O only: they never touch the database; delivery records what
 * they answer. See docs/decisions/0006-alerting.md.
 */
import type { TokenBucket } from './token-bucket.js';

export type ChannelName = 'email' | 'sms' | 'whatsapp';
export const channelNames: readonly ChannelName[] = ['email', 'sms', 'whatsapp'];
export type Language = 'en' | 'hi' | 'ja';

export interface OutgoingMessage {
  /** The outbox row's id: e-mail uses it as Message-ID, providers get it as a reference/client id. */
  readonly notificationId: string;
  /** E-mail address, or an E.164 phone number for SMS and WhatsApp. */
  readonly to: string;
  readonly language: Language;
  /** E-mail subject; ignored by SMS and WhatsApp. */
  readonly subject: string;
  /** Plain text as rendered for this person (with the check-in link). */
  readonly body: string;
  /** Unsubscribe link of this address and channel (e-mail puts it in List-Unsubscribe and the footer). */
  readonly unsubscribeUrl?: string;
  /** India's DLT content template id of the message template (SMS adapters pass it to the gateway). */
  readonly dltTemplateId?: string;
  /**
   * WhatsApp template (business-initiated messages outside the 24-hour window must be templates): the approved
   * template's name and language code, and its body parameters in order.
   */
  readonly whatsappTemplate?: { name: string; language: string; parameters: string[] };
}

/** What the provider answered to one send. Adapters never throw for a provider's answer: they classify it. */
export type SendOutcome =
  | {
      kind: 'sent';
      provider: string;
      /** The provider's id of the message, which its status callbacks name; null when it gives none. */
      providerMessageId: string | null;
      /** SMTP: the receiving server accepted it, which is as far as e-mail can tell: treated as delivered. */
      delivered: boolean;
      httpStatus?: number;
    }
  | {
      /** Temporary: a 429, a 5xx, an SMTP 4xx, a timeout or a refused connection. Try again later. */
      kind: 'retry';
      provider: string;
      code: string;
      message: string;
      /** From Retry-After (seconds or a date), when the provider said when. */
      retryAfterMs?: number;
      httpStatus?: number;
    }
  | {
      /** Permanent: an SMTP 5xx, a 4xx other than 429, an invalid number. Not tried again on this channel. */
      kind: 'failed';
      provider: string;
      code: string;
      message: string;
      httpStatus?: number;
    };

export interface ChannelAdapter {
  readonly channel: ChannelName;
  /** 'smtp', 'twilio', 'webhook', 'whatsapp-cloud' */
  readonly provider: string;
  send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** The adapters configured on this server. A channel without one is "not configured": its messages are kept
 * in the outbox with state not_sent, for administrators to read in the outbox viewer. */
export interface Channels {
  get(channel: ChannelName): ChannelAdapter | null;
  /** Sends per second allowed on this channel (token bucket refill), and the bucket size. */
  rate(channel: ChannelName): { perSecond: number; burst: number };
  /**
   * The channel's one limiter in this process: every sender takes a token before calling the adapter, and a 429's
   * Retry-After pauses them all (`bucket.pauseFor(ms)`).
   */
  bucket(channel: ChannelName): TokenBucket;
  close(): Promise<void>;
}

/** A provider's status callback, as one forward-only step of one message. */
export interface StatusUpdate {
  provider: string;
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  errorCode?: string;
  errorMessage?: string;
  at?: Date;
}

/** A message a person sent back (an SMS or WhatsApp reply). */
export interface InboundMessage {
  provider: string;
  channel: ChannelName;
  /** E.164 */
  from: string;
  text: string;
  providerMessageId?: string;
}
