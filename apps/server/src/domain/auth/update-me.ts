import { findUserById, updateUser, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { resolveContactDetails, type ChannelName } from '../users/contact-details.js';

export interface UpdateMeInput {
  language?: 'en' | 'hi' | 'ja';
  name?: string;
  /** As typed; stored in E.164 (PHONE_INVALID otherwise); null removes it. */
  phone?: string | null;
  channels?: ChannelName[];
}

/** One's own name, language, phone and channels; last write wins, as nobody else edits these often. */
export async function updateMe(ctx: Ctx, changes: UpdateMeInput): Promise<UserRow> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.tx, actor.userId);
  if (!user) throw new AppError('NOT_FOUND');
  const contact = resolveContactDetails(user, { phone: changes.phone, channels: changes.channels });
  const updated = await updateUser(ctx.tx, user.id, user.version, {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.language !== undefined ? { language: changes.language } : {}),
    ...contact,
  });
  if (!updated) throw new AppError('VERSION_CONFLICT', 'Your account changed meanwhile; try again.');
  await audit(ctx, {
    action: 'user.update-self',
    entity: 'user',
    entityId: user.id,
    beforeVersion: user.version,
    afterVersion: updated.version,
    details: { fields: Object.keys(changes).filter((k) => changes[k as keyof UpdateMeInput] !== undefined) },
  });
  return updated;
}
