import { listVisibleAreas, maxAreaChangeSeq, type AreaRow } from '../../db/areas/areas.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, decodeSyncCursor, pageFrom, type Page } from '../shared/cursor.js';

export async function listAreas(
  ctx: Ctx,
  query: { level?: string; parent?: string; cursor?: string; since?: string; limit: number },
): Promise<Page<AreaRow>> {
  const actor = requirePermission(ctx, 'registry.read');
  const filter = { limit: query.limit, ...(query.level ? { level: query.level } : {}), ...(query.parent ? { parentId: query.parent } : {}) };
  if (query.since !== undefined) {
    const since = decodeSyncCursor(query.since);
    return pageFrom(await listVisibleAreas(ctx.tx, actor.scope, { ...filter, sinceSeq: since }), query.limit, { since });
  }
  const tableSeq = await maxAreaChangeSeq(ctx.tx);
  const rows = await listVisibleAreas(ctx.tx, actor.scope, { ...filter, ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}) });
  return pageFrom(rows, query.limit, { tableSeq });
}
