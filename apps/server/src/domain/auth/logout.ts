import { deleteSession } from '../../db/auth/sessions.repository.js';
import { audit } from '../shared/audit.js';
import { requireActor, type Ctx } from '../shared/context.js';

export async function logout(ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  if (actor.sessionId) await deleteSession(ctx.tx, actor.sessionId);
  await audit(ctx, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
}
