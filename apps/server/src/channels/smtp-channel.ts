import nodemailer from 'nodemailer';
import { uuidv7 } from 'uuidv7';
import { channelTexts } from '@safeschools/domain';
import type { ChannelAdapter, Channels, Language, OutgoingMessage, SendOutcome } from './channel.js';

const provider = 'smtp';

export interface SmtpChannelOptions {
  /** smtp://user:pass@host:587 (upgraded with STARTTLS when offered) or smtps://user:pass@host:465. */
  url: string;
  /** "SafeSchools <alerts@example.org>" or a bare address; its domain names the Message-IDs. */
  from: string;
  /** Connections kept open by the pool. */
  maxConnections?: number;
}

/**
 * E-mail through one pooled nodemailer transport. The Message-ID is `<notification id@MAIL_FROM domain>`, so a
 * message sent again after a crash is the same message to the mail client, not a second alert.
 */
export function createSmtpChannel(options: SmtpChannelOptions): ChannelAdapter {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  const domain = mailDomain(options.from);
  let closed = false;

  return {
    channel: 'email',
    provider,
    async send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
      if (signal.aborted) return { kind: 'retry', provider, code: 'TIMEOUT', message: 'aborted before sending' };
      const sending = transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: withFooter(message.body, message.unsubscribeUrl, message.language),
        messageId: `<${message.notificationId}@${domain}>`,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'Content-Language': message.language,
          ...(message.unsubscribeUrl
            ? { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
        },
      });
      // nodemailer takes no signal: an abandoned send may still finish, which the Message-ID makes harmless.
      const aborted = new Promise<'aborted'>((resolve) => {
        signal.addEventListener('abort', () => resolve('aborted'), { once: true });
      });
      try {
        const info = await Promise.race([sending, aborted]);
        if (info === 'aborted') {
          sending.catch(() => {});
          return { kind: 'retry', provider, code: 'TIMEOUT', message: 'no answer from the SMTP server in time' };
        }
        return { kind: 'sent', provider, providerMessageId: info.messageId ?? null, delivered: true };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      transport.close();
    },
  };
}

/** SMTP 4xx, refused connections and timeouts are temporary; 5xx and messages nodemailer cannot build are not. */
export function classifySmtpError(error: unknown): SendOutcome {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown };
  const text = (typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : 'SMTP error').slice(0, 500);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (responseCode !== undefined && responseCode >= 500) {
    return { kind: 'failed', provider, code: `SMTP_${responseCode}`, message: text };
  }
  if (responseCode !== undefined && responseCode >= 400) {
    return { kind: 'retry', provider, code: `SMTP_${responseCode}`, message: text };
  }
  const code = typeof e.code === 'string' ? e.code : 'SMTP_ERROR';
  // No SMTP answer: an address nodemailer refuses or a message it cannot build will not get better by retrying.
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return { kind: 'failed', provider, code, message: text };
  return { kind: 'retry', provider, code, message: text };
}

function withFooter(body: string, unsubscribeUrl: string | undefined, language: Language): string {
  if (!unsubscribeUrl) return body;
  return `${body.replace(/\s+$/, '')}\n\n-- \n${channelTexts.unsubscribeFooter[language].replace('{url}', unsubscribeUrl)}\n`;
}

/** The domain of MAIL_FROM ("Name <a@b.org>" or "a@b.org"). */
export function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase() || 'localhost';
}

export type PlainMailOutcome = SendOutcome | { kind: 'not_configured' };

/**
 * One mail outside the alert outbox (an invitation, a password reset), through the configured SMTP channel and its
 * rate limit. Answers `not_configured` when no SMTP_URL is set.
 */
export async function sendPlainMail(
  channels: Channels,
  mail: { to: string; subject: string; body: string; language: Language },
  signal: AbortSignal = AbortSignal.timeout(60_000),
): Promise<PlainMailOutcome> {
  const email = channels.get('email');
  if (!email) return { kind: 'not_configured' };
  await channels.bucket('email').take(signal);
  return email.send({ notificationId: uuidv7(), to: mail.to, language: mail.language, subject: mail.subject, body: mail.body }, signal);
}
