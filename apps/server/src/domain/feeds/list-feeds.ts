import { listFeeds as listFeedRows, type FeedRow } from '../../db/events/feeds.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Every feed, configured and added in the app, with how its last polls went. */
export async function listFeeds(ctx: Ctx): Promise<FeedRow[]> {
  requirePermission(ctx, 'feeds.manage');
  return listFeedRows(ctx.tx);
}
