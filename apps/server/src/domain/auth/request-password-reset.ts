import { uuidv7 } from 'uuidv7';
import { insertPasswordReset } from '../../db/auth/password-resets.repository.js';
import { nthRecentFailureAt, recordFailures } from '../../db/auth/login-failures.repository.js';
import { findUserByEmail, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { hashSecret, newSecret } from './secrets.js';

export const PASSWORD_RESET_MINUTES = 60;

/** Requests allowed per address and per client address within the window (an office may share one address). */
export const passwordResetLimits = { perEmail: 3, perIp: 20, windowMinutes: 60 } as const;

/**
 * Issues a one-hour, single-use reset token for an active account, or nothing at all for an unknown, invited or
 * disabled one — the caller answers the same either way, so nobody learns which addresses have accounts. Every
 * request counts against the address and the client's IP (in the sign-in attempts table, under their own keys),
 * whether or not the account exists; past the limit the request is refused with RATE_LIMITED.
 * Runs its own short transaction; the e-mail is sent by the caller after it commits.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string; ip: string }): Promise<{ user: UserRow; token: string } | null> {
  const db = ctx.database.db;
  const windowMs = passwordResetLimits.windowMinutes * 60_000;
  const since = new Date(ctx.now.getTime() - windowMs);
  const keys = [`reset-email:${input.email.toLowerCase()}`, `reset-ip:${input.ip}`] as const;
  const limits = [passwordResetLimits.perEmail, passwordResetLimits.perIp];
  let freeAt = 0;
  for (const [i, key] of keys.entries()) {
    const nth = await nthRecentFailureAt(db, key, since, limits[i]!);
    if (nth) freeAt = Math.max(freeAt, nth.getTime() + windowMs);
  }
  if (freeAt > ctx.now.getTime()) {
    const seconds = Math.max(1, Math.ceil((freeAt - ctx.now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', `Too many reset requests. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, { retryAfterSeconds: seconds });
  }
  return db.transaction(async (tx) => {
    await recordFailures(tx, keys, ctx.now);
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.status !== 'active') return null;
    const token = newSecret();
    await insertPasswordReset(tx, {
      id: uuidv7(),
      userId: user.id,
      tokenHash: hashSecret(token),
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
    });
    // Not necessarily the user asking (anyone can): recorded without an actor, on the user's row.
    await audit({ ...ctx, tx, actor: null }, { action: 'auth.password-reset-request', entity: 'user', entityId: user.id });
    return { user, token };
  });
}
