import { listVisibleReviews, type ReviewRecord } from '../../../db/registry/reviews/reviews.repository.js';
import { requirePermission, type Ctx } from '../../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../../shared/cursor.js';

export interface ReviewQuery {
  kind?: string;
  status: string;
  area?: string;
  import?: string;
  cursor?: string;
  limit: number;
}

/** Placement reviews in the caller's geography, oldest first, a page at a time. */
export async function listReviews(ctx: Ctx, query: ReviewQuery): Promise<{ items: ReviewRecord[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx, 'registry.read');
  const items = await listVisibleReviews(ctx.database, actor.scope, {
    status: query.status,
    limit: query.limit,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.import ? { importId: query.import } : {}),
    ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}),
  });
  const last = items.at(-1);
  return { items, nextCursor: items.length === query.limit && last ? encodePageCursor(last.id) : null };
}
