import { uuidv7 } from 'uuidv7';
import type { Role } from '@safeschools/domain';
import { findUserByEmail, recordLogin, type UserRow } from '../../db/users/users.repository.js';
import { insertSession } from '../../db/auth/sessions.repository.js';
import { clearFailures, nthRecentFailureAt, recordFailures } from '../../db/auth/login-failures.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { hashSecret, newSecret } from './secrets.js';

export interface LoginSettings {
  maxAttempts: number;
  windowMinutes: number;
  sessionTtlHours: number;
}

export interface LoginResult {
  user: UserRow;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Checks the password and opens a session. Failures are counted per email and per client address, in the
 * database so every instance sees them; past the limit even a right password is refused until the window passes.
 */
export async function login(
  ctx: Ctx,
  input: { email: string; password: string; ip: string; userAgent: string | undefined },
  settings: LoginSettings,
): Promise<LoginResult> {
  const db = ctx.database.db;
  const keys = [`email:${input.email.toLowerCase()}`, `ip:${input.ip}`];
  const windowMs = settings.windowMinutes * 60_000;
  const since = new Date(ctx.now.getTime() - windowMs);
  // A school's or office's staff often share one address, so the address gets ten times the per-email allowance.
  const limits = [settings.maxAttempts, settings.maxAttempts * 10];
  // A key at its limit frees a slot when its limit-th latest failure leaves the window; with both keys at their
  // limits the caller must wait for the later of the two, so that is the time they are told.
  let freeAt = 0;
  for (const [i, key] of keys.entries()) {
    const nth = await nthRecentFailureAt(db, key, since, limits[i]!);
    if (nth) freeAt = Math.max(freeAt, nth.getTime() + windowMs);
  }
  if (freeAt > ctx.now.getTime()) {
    const seconds = Math.max(1, Math.ceil((freeAt - ctx.now.getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    const detail = `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    throw new AppError('RATE_LIMITED', detail, undefined, { retryAfterSeconds: seconds });
  }
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !user.passwordHash || !ok) {
    await recordFailures(db, keys, ctx.now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('AUTH_ACCOUNT_DISABLED', 'This account is disabled.');

  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + settings.sessionTtlHours * 3_600_000);
  await db.transaction(async (tx) => {
    const txCtx = { ...ctx, tx, actor: { userId: user.id, role: user.role as Role, scope: { kind: 'all' as const }, via: 'session' as const } };
    await insertSession(tx, {
      id: uuidv7(),
      userId: user.id,
      tokenHash: hashSecret(sessionToken),
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await clearFailures(tx, [keys[0]!]);
    await recordLogin(tx, user.id, ctx.now);
    await audit(txCtx, { action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return { user: { ...user, lastLoginAt: ctx.now }, sessionToken, csrfToken, expiresAt };
}
