import { findFeed, updateFeed as updateFeedRow, type FeedRow } from '../../db/events/feeds.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Turns a feed on or off (configured feeds too), or renames it. */
export async function updateFeed(ctx: Ctx, id: string, changes: { enabled?: boolean | undefined; name?: string | undefined }): Promise<FeedRow> {
  requirePermission(ctx, 'feeds.manage');
  const before = await findFeed(ctx.tx, id);
  if (!before) throw new AppError('NOT_FOUND', 'No such feed.');
  const set = { ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}), ...(changes.name !== undefined ? { name: changes.name } : {}) };
  const row = (await updateFeedRow(ctx.tx, id, set)) as FeedRow;
  await audit(ctx, { action: 'feed.update', entity: 'hazard_feed', entityId: id, details: { url: row.url, ...set, wasEnabled: before.enabled } });
  return row;
}
