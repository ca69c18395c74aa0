import { deleteAppFeed, findFeed } from '../../db/events/feeds.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Removes a feed added in the app; its events stay. A configured feed (EVENT_FEEDS) can only be turned off. */
export async function deleteFeed(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'feeds.manage');
  const feed = await findFeed(ctx.tx, id);
  if (!feed) throw new AppError('NOT_FOUND', 'No such feed.');
  if (feed.source !== 'app') {
    throw new AppError('FEED_CONFIGURED', 'This feed comes from the configuration (EVENT_FEEDS): turn it off here, or remove it there.');
  }
  await deleteAppFeed(ctx.tx, id);
  await audit(ctx, { action: 'feed.delete', entity: 'hazard_feed', entityId: id, details: { url: feed.url } });
}
