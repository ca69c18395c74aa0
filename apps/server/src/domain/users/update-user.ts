import { canAssignRole, type Role } from '@safeschools/domain';
import { deleteSessionsOfUser } from '../../db/auth/sessions.repository.js';
import { countAdministrators, findVisibleUser, updateUser as updateUserRow, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { checkGrantedScope } from './check-granted-scope.js';
import { resolveContactDetails, type ChannelName } from './contact-details.js';

export interface UpdateUserInput {
  version: number;
  name?: string;
  role?: Role;
  language?: 'en' | 'hi' | 'ja';
  status?: 'active' | 'disabled';
  phone?: string | null;
  channels?: ChannelName[];
  scope?: { areaIds: string[]; schoolIds: string[] };
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserRow> {
  const actor = requirePermission(ctx, 'users.manage');
  const user = await findVisibleUser(ctx.tx, actor.scope, id);
  if (!user) throw new AppError('NOT_FOUND');
  if (user.version !== input.version) throw new AppError('VERSION_CONFLICT', `This user was changed meanwhile (version ${user.version}).`);
  if (input.role && input.role !== user.role && !canAssignRole(actor.role, input.role)) {
    throw new AppError('FORBIDDEN', `You cannot give the role ${input.role}.`);
  }
  if (input.scope) await checkGrantedScope(ctx, actor, input.scope);
  if (id === actor.userId && (input.status === 'disabled' || (input.role && input.role !== user.role))) {
    throw new AppError('FORBIDDEN', 'You cannot disable yourself or change your own role.');
  }
  const losingAdmin = user.role === 'administrator' && ((input.role && input.role !== 'administrator') || input.status === 'disabled');
  if (losingAdmin && (await countAdministrators(ctx.tx)) <= 1) {
    throw new AppError('FORBIDDEN', 'The last administrator cannot be removed.');
  }
  const contact = resolveContactDetails(user, { phone: input.phone, channels: input.channels });
  const updated = await updateUserRow(ctx.tx, id, input.version, {
    ...contact,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.status !== undefined && user.status !== 'invited' ? { status: input.status } : {}),
    ...(input.status === 'disabled' && user.status === 'invited' ? { status: 'disabled' } : {}),
    ...(input.scope ? { scopeAreaIds: input.scope.areaIds, scopeSchoolIds: input.scope.schoolIds } : {}),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT', 'This user was changed meanwhile.');
  // Rights shrink at once: a disabled user or a changed role or scope starts a new session.
  if (input.status === 'disabled' || input.role || input.scope) await deleteSessionsOfUser(ctx.tx, id);
  await audit(ctx, {
    action: 'user.update',
    entity: 'user',
    entityId: id,
    beforeVersion: user.version,
    afterVersion: updated.version,
    details: { fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return updated;
}
