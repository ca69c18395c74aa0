import { optOutsOfPairs, type OptOutRow } from '../../db/consent/opt-outs.repository.js';
import { findUserById, type UserRow } from '../../db/users/users.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { optIn } from './opt-out.js';
import { optOutAddress, type ConsentChannel } from './opt-out-address.js';

/** The address a user is reached at on a channel: their e-mail, or their phone for SMS and WhatsApp. */
function addressOf(user: UserRow, channel: ConsentChannel): string | null {
  if (channel === 'email') return optOutAddress('email', user.email);
  return user.phone;
}

async function me(ctx: Ctx): Promise<UserRow> {
  const user = await findUserById(ctx.tx, requireActor(ctx).userId);
  if (!user) throw new AppError('AUTH_SESSION_EXPIRED');
  return user;
}

/** The opt-outs of the signed-in user's own e-mail address and phone number. */
export async function listMyOptOuts(ctx: Ctx): Promise<OptOutRow[]> {
  const user = await me(ctx);
  const pairs = (['email', 'sms', 'whatsapp'] as const).flatMap((channel) => {
    const address = addressOf(user, channel);
    return address ? [{ channel, address }] : [];
  });
  return optOutsOfPairs(ctx.tx, pairs);
}

/** Undo an opt-out of one's own address on `channel` (source `user`); 404 when there is none. */
export async function removeMyOptOut(ctx: Ctx, channel: ConsentChannel): Promise<void> {
  const user = await me(ctx);
  const address = addressOf(user, channel);
  const { removed } = address ? await optIn(ctx, { channel, address, source: 'user' }) : { removed: false };
  if (!removed) throw new AppError('NOT_FOUND', `You are not opted out of ${channel}.`);
}
