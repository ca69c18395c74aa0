import { findCheckInLink, type CheckInLinkRow } from '../../db/check-ins/check-ins.repository.js';
import { hashSecret } from '../auth/secrets.js';
import { AppError } from '../shared/app-error.js';
import type { Ctx } from '../shared/context.js';

export type CheckInLink = CheckInLinkRow;

/**
 * The link a token opens. Only the token's SHA-256 is stored, so a forged or cut-short token finds nothing
 * (CHECK_IN_LINK_UNKNOWN); a link past its 14 days is CHECK_IN_LINK_EXPIRED. Nothing is written either way.
 * The school and event always come from the link: no request can name another school.
 */
export async function resolveCheckInLink(ctx: Ctx, token: string): Promise<CheckInLink> {
  const link = await findCheckInLink(ctx.tx, hashSecret(token));
  if (!link) throw new AppError('CHECK_IN_LINK_UNKNOWN', 'This check-in link was never issued.');
  if (link.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('CHECK_IN_LINK_EXPIRED', 'This check-in link has expired.');
  return link;
}
