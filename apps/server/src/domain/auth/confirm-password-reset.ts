import { clearFailures } from '../../db/auth/login-failures.repository.js';
import { closeOpenPasswordResets, findPasswordReset, markPasswordResetUsed } from '../../db/auth/password-resets.repository.js';
import { deleteSessionsOfUser } from '../../db/auth/sessions.repository.js';
import { findUserById, updateUser } from '../../db/users/users.repository.js';
import type { Role } from '@safeschools/domain';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { hashSecret } from './secrets.js';

/**
 * Sets a new password from a reset link: the link works once and for an hour; the password follows the same
 * rules as everywhere (WEAK_PASSWORD); every session of the account ends, and its other reset links stop working.
 */
export async function confirmPasswordReset(ctx: Ctx, input: { token: string; password: string }): Promise<void> {
  const reset = await findPasswordReset(ctx.tx, hashSecret(input.token));
  if (!reset) throw new AppError('PASSWORD_RESET_INVALID', 'This password reset link is not valid. Ask for a new one.');
  if (reset.usedAt) throw new AppError('PASSWORD_RESET_USED', 'This password reset link was used already. Ask for a new one.');
  if (reset.expiresAt <= ctx.now) throw new AppError('PASSWORD_RESET_EXPIRED', 'This password reset link has expired. Ask for a new one.');
  const user = await findUserById(ctx.tx, reset.userId);
  if (!user || user.status !== 'active' || user.deletedAt) {
    throw new AppError('PASSWORD_RESET_INVALID', 'This account cannot sign in any more.');
  }
  checkPasswordStrength(input.password, user.email);
  if (!(await markPasswordResetUsed(ctx.tx, reset.id, ctx.now))) {
    throw new AppError('PASSWORD_RESET_USED', 'This password reset link was used already. Ask for a new one.');
  }
  const updated = await updateUser(ctx.tx, user.id, user.version, { passwordHash: await hashPassword(input.password) });
  if (!updated) throw new AppError('VERSION_CONFLICT', 'The account changed meanwhile; open the link again.');
  await closeOpenPasswordResets(ctx.tx, user.id, ctx.now);
  await deleteSessionsOfUser(ctx.tx, user.id);
  // A locked-out user who proved they own the address may sign in again at once.
  await clearFailures(ctx.tx, [`email:${user.email.toLowerCase()}`]);
  const actor = { userId: user.id, role: user.role as Role, scope: { kind: 'all' as const }, via: 'session' as const };
  await audit({ ...ctx, actor }, {
    action: 'auth.password-reset',
    entity: 'user',
    entityId: user.id,
    beforeVersion: user.version,
    afterVersion: updated.version,
  });
}
