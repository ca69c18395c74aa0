import { findOptOutLink, optOutsOfPairs } from '../../db/consent/opt-outs.repository.js';
import { hashSecret } from '../auth/secrets.js';
import type { Ctx } from '../shared/context.js';
import { optOut } from './opt-out.js';
import type { ConsentChannel } from './opt-out-address.js';

export interface UnsubscribeLink {
  channel: ConsentChannel;
  address: string;
  /** Already opted out (by this link, another one, a STOP reply or the person's settings). */
  optedOut: boolean;
}

/** What an unsubscribe link (`/u/<token>`) is for, or null for a token that was never issued. Reads only. */
export async function readUnsubscribeLink(ctx: Ctx, token: string): Promise<UnsubscribeLink | null> {
  const link = await findOptOutLink(ctx.tx, hashSecret(token));
  if (!link) return null;
  const existing = await optOutsOfPairs(ctx.tx, [{ channel: link.channel, address: link.address }]);
  return { channel: link.channel as ConsentChannel, address: link.address, optedOut: existing.length > 0 };
}

/**
 * Confirms an unsubscribe link: opts its address out of its channel (source `link`). A second confirmation, or a
 * one-click POST from a mail client after the person clicked too, changes nothing. Null for an unknown token, and
 * nothing is written then.
 */
export async function unsubscribeByLink(ctx: Ctx, token: string): Promise<UnsubscribeLink | null> {
  const link = await findOptOutLink(ctx.tx, hashSecret(token));
  if (!link) return null;
  const channel = link.channel as ConsentChannel;
  await optOut(ctx, { channel, address: link.address, source: 'link' });
  return { channel, address: link.address, optedOut: true };
}
