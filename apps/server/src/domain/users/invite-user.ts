import { canAssignRole, type Role } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import { insertInvitation } from '../../db/auth/invitations.repository.js';
import { findUserByEmail, findUserById, insertUser, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { checkGrantedScope } from './check-granted-scope.js';

export const INVITATION_DAYS = 7;

export interface InviteInput {
  id?: string;
  email: string;
  name?: string;
  role: Role;
  language: 'en' | 'hi' | 'ja';
  scope: { areaIds: string[]; schoolIds: string[] };
}

export async function inviteUser(ctx: Ctx, input: InviteInput): Promise<{ user: UserRow; token: string; expiresAt: Date }> {
  const actor = requirePermission(ctx, 'users.manage');
  if (!canAssignRole(actor.role, input.role)) throw new AppError('FORBIDDEN', `You cannot give the role ${input.role}.`);
  if (input.role !== 'administrator' && input.scope.areaIds.length + input.scope.schoolIds.length === 0) {
    throw new AppError('SCOPE_INVALID', 'Give the user at least one area or school.', [{ path: 'scope', message: 'empty' }]);
  }
  await checkGrantedScope(ctx, actor, input.scope);
  if (input.id && (await findUserById(ctx.tx, input.id))) throw new AppError('EMAIL_TAKEN', 'A user with this id exists already.');
  if (await findUserByEmail(ctx.tx, input.email)) throw new AppError('EMAIL_TAKEN', 'A user with this email exists already.');
  const user = await insertUser(ctx.tx, {
    id: input.id ?? uuidv7(),
    email: input.email,
    name: input.name ?? '',
    role: input.role,
    language: input.language,
    status: 'invited',
    scopeAreaIds: input.role === 'administrator' ? [] : input.scope.areaIds,
    scopeSchoolIds: input.role === 'administrator' ? [] : input.scope.schoolIds,
  });
  const token = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000);
  await insertInvitation(ctx.tx, { id: uuidv7(), userId: user.id, tokenHash: hashSecret(token), createdBy: actor.userId, expiresAt });
  await audit(ctx, { action: 'user.invite', entity: 'user', entityId: user.id, afterVersion: user.version, details: { role: input.role } });
  return { user, token, expiresAt };
}
