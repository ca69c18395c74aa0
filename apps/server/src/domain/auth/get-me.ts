import { findUserById } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { describeMe, type MeView } from './describe-me.js';

export async function getMe(ctx: Ctx, csrfToken: string | null): Promise<MeView> {
  const user = await findUserById(ctx.tx, requireActor(ctx).userId);
  if (!user) throw new AppError('AUTH_SESSION_EXPIRED');
  return describeMe(ctx.tx, user, csrfToken);
}
