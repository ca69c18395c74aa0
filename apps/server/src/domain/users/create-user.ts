import type { Role } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import { findUserByEmail, insertUser, updateUser, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { checkPasswordStrength, hashPassword } from '../auth/passwords.js';

/**
 * An active user with a password, made by the operator (CLI, ADMIN_EMAIL at start) rather than by invitation.
 * With `resetPassword`, an existing user's password is replaced instead.
 */
export async function createActiveUser(
  ctx: Ctx,
  input: { email: string; password: string; name?: string; role: Role; areaIds?: string[]; schoolIds?: string[]; resetPassword?: boolean },
): Promise<UserRow> {
  checkPasswordStrength(input.password, input.email);
  const existing = await findUserByEmail(ctx.tx, input.email);
  if (existing) {
    if (!input.resetPassword) throw new AppError('EMAIL_TAKEN', `A user with email ${input.email} exists already.`);
    const updated = await updateUser(ctx.tx, existing.id, existing.version, { passwordHash: await hashPassword(input.password), status: 'active' });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await audit(ctx, { action: 'user.reset-password', entity: 'user', entityId: existing.id, beforeVersion: existing.version, afterVersion: updated.version });
    return updated;
  }
  const user = await insertUser(ctx.tx, {
    id: uuidv7(),
    email: input.email,
    name: input.name ?? input.email.split('@')[0]!,
    role: input.role,
    status: 'active',
    passwordHash: await hashPassword(input.password),
    scopeAreaIds: input.areaIds ?? [],
    scopeSchoolIds: input.schoolIds ?? [],
  });
  await audit(ctx, { action: 'user.create', entity: 'user', entityId: user.id, afterVersion: user.version, details: { role: input.role } });
  return user;
}
