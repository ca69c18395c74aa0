import { uuidv7 } from 'uuidv7';
import { findFeedByUrl, insertFeed, type FeedKind, type FeedRow } from '../../db/events/feeds.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Adds a feed to poll; the next scheduled poll (or "poll now") reads it. */
export async function addFeed(ctx: Ctx, input: { url: string; name: string; kind: FeedKind }): Promise<FeedRow> {
  const actor = requirePermission(ctx, 'feeds.manage');
  if (await findFeedByUrl(ctx.tx, input.url)) throw new AppError('FEED_EXISTS', 'This address is polled already.');
  const row = await insertFeed(ctx.tx, { id: uuidv7(), url: input.url, name: input.name, kind: input.kind, createdBy: actor.via === 'system' ? null : actor.userId });
  if (!row) throw new AppError('FEED_EXISTS', 'This address is polled already.');
  await audit(ctx, { action: 'feed.add', entity: 'hazard_feed', entityId: row.id, details: { url: row.url, kind: row.kind } });
  return row;
}
