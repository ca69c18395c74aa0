import { deleteOptOut, insertOptOut } from '../../db/consent/opt-outs.repository.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { maskAddress, optOutAddress, type ConsentChannel } from './opt-out-address.js';

/** Where an opt-out came from: the link of a message, an SMS STOP, a person's own settings, an administrator. */
export type OptOutSource = 'link' | 'sms-stop' | 'user' | 'admin';

export interface OptOutInput {
  channel: ConsentChannel;
  /** An e-mail address (any case) or an E.164 phone number. */
  address: string;
  source: OptOutSource;
}

/**
 * "Do not send on this channel to this address" from now on. Idempotent: a second opt-out of the same address and
 * channel changes nothing and records nothing; `created` says whether this call wrote it. Audited when written.
 * Alerts already queued to the address are skipped by delivery, which reads the opt-outs before each send.
 */
export async function optOut(ctx: Ctx, input: OptOutInput): Promise<{ created: boolean }> {
  const address = optOutAddress(input.channel, input.address);
  const row = await insertOptOut(ctx.tx, { channel: input.channel, address, source: input.source, createdAt: ctx.now });
  if (row) {
    await audit(ctx, {
      action: 'consent.opt-out',
      entity: 'channel_opt_out',
      entityId: null,
      details: { channel: input.channel, address: maskAddress(address), source: input.source },
    });
  }
  return { created: row !== undefined };
}

/** Receive messages on this channel at this address again. Idempotent like `optOut`; audited when something changed. */
export async function optIn(ctx: Ctx, input: OptOutInput): Promise<{ removed: boolean }> {
  const address = optOutAddress(input.channel, input.address);
  const row = await deleteOptOut(ctx.tx, input.channel, address);
  if (row) {
    await audit(ctx, {
      action: 'consent.opt-in',
      entity: 'channel_opt_out',
      entityId: null,
      details: { channel: input.channel, address: maskAddress(address), source: input.source, optedOutVia: row.source },
    });
  }
  return { removed: row !== undefined };
}
