import { findOpenInvitation, markInvitationAccepted } from '../../db/auth/invitations.repository.js';
import { findUserById, updateUser, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import { hashSecret } from './secrets.js';

/** Turns an invitation into an active account with the invitee's own password. The link works once. */
export async function acceptInvitation(ctx: Ctx, input: { token: string; name: string; password: string }): Promise<UserRow> {
  const invitation = await findOpenInvitation(ctx.tx, hashSecret(input.token));
  if (!invitation || invitation.expiresAt <= ctx.now) {
    throw new AppError('INVITATION_INVALID', 'This invitation link is not valid any more. Ask for a new one.');
  }
  const user = await findUserById(ctx.tx, invitation.userId);
  if (!user || user.status !== 'invited') throw new AppError('INVITATION_INVALID', 'This invitation was already used.');
  checkPasswordStrength(input.password, user.email);
  const updated = await updateUser(ctx.tx, user.id, user.version, {
    name: input.name,
    passwordHash: await hashPassword(input.password),
    status: 'active',
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await markInvitationAccepted(ctx.tx, invitation.id, ctx.now);
  await audit({ ...ctx, actor: { userId: user.id, role: 'viewer', scope: { kind: 'limited', areaIds: [], schoolIds: [] }, via: 'session' } }, {
    action: 'user.accept-invitation',
    entity: 'user',
    entityId: user.id,
    beforeVersion: user.version,
    afterVersion: updated.version,
  });
  return updated;
}
