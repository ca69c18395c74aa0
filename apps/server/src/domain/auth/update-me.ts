import { findUserById, updateUser, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requireActor, type Ctx } from '../shared/context.js';

/** One's own language and name; last write wins, as nobody else edits these fields of one's account. */
export async function updateMe(ctx: Ctx, changes: { language?: 'en' | 'hi' | 'ja'; name?: string }): Promise<UserRow> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.tx, actor.userId);
  if (!user) throw new AppError('NOT_FOUND');
  const updated = await updateUser(ctx.tx, user.id, user.version, changes);
  if (!updated) throw new AppError('VERSION_CONFLICT', 'Your account changed meanwhile; try again.');
  await audit(ctx, { action: 'user.update-self', entity: 'user', entityId: user.id, beforeVersion: user.version, afterVersion: updated.version, details: { fields: Object.keys(changes) } });
  return updated;
}
