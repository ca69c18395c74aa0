import { accountMail, type AccountMailKind } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import type { ChannelAdapter } from '../../channels/channel.js';
import type { UserRow } from '../../db/users/users.repository.js';

/** How long one account e-mail may take before it counts as not sent (the invitation link is then shown to copy). */
const SEND_TIMEOUT_MS = 30_000;

export type AccountMailResult = { sent: true } | { sent: false; reason: 'not-configured' | 'failed'; code?: string };

/**
 * Sends an invitation or password reset e-mail through the e-mail channel, in the user's language. Never throws
 * and never puts the link (which holds the token) into what it returns: the caller may log the result.
 */
export async function sendAccountMail(
  mailer: ChannelAdapter | null,
  kind: AccountMailKind,
  user: Pick<UserRow, 'email' | 'name' | 'language'>,
  values: { link: string; site: string; days?: number },
): Promise<AccountMailResult> {
  if (!mailer) return { sent: false, reason: 'not-configured' };
  const language = user.language === 'hi' || user.language === 'ja' ? user.language : 'en';
  const { subject, body } = accountMail(kind, language, {
    name: user.name || user.email,
    email: user.email,
    link: values.link,
    site: values.site,
    days: String(values.days ?? ''),
  });
  try {
    const outcome = await mailer.send({ notificationId: uuidv7(), to: user.email, language, subject, body }, AbortSignal.timeout(SEND_TIMEOUT_MS));
    return outcome.kind === 'sent' ? { sent: true } : { sent: false, reason: 'failed', code: outcome.code };
  } catch {
    return { sent: false, reason: 'failed', code: 'SEND_ERROR' };
  }
}
