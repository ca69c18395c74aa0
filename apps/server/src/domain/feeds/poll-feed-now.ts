import { findFeed, type FeedRow } from '../../db/events/feeds.repository.js';
import { pollOneFeed, type PollDeps, type PollResult } from '../events/poll-feeds.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/**
 * Polls one feed at once (an administrator's "poll now"), enabled or not, and answers what it did. The events it
 * makes are written and audited as any poll's; the request itself is audited too.
 */
export async function pollFeedNow(ctx: Ctx, deps: Omit<PollDeps, 'database'>, id: string): Promise<{ result: PollResult; feed: FeedRow }> {
  requirePermission(ctx, 'feeds.manage');
  const feed = await findFeed(ctx.database.db, id);
  if (!feed) throw new AppError('NOT_FOUND', 'No such feed.');
  const result = await pollOneFeed(ctx, { ...deps, database: ctx.database }, feed);
  await ctx.database.db.transaction((tx) =>
    audit({ ...ctx, tx }, { action: 'feed.poll', entity: 'hazard_feed', entityId: id, details: { url: feed.url, created: result.created, updated: result.updated, failed: result.failed.length } }),
  );
  return { result, feed: (await findFeed(ctx.database.db, id)) ?? feed };
}
