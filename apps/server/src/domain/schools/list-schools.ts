import { findVisibleSchool, listVisibleSchools, maxSchoolChangeSeq, type SchoolRow } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, decodeSyncCursor, pageFrom, type Page } from '../shared/cursor.js';

export async function listSchools(
  ctx: Ctx,
  query: { q?: string; area?: string; cursor?: string; since?: string; limit: number },
): Promise<Page<SchoolRow>> {
  const actor = requirePermission(ctx, 'registry.read');
  const filter = { limit: query.limit, ...(query.q ? { q: query.q } : {}), ...(query.area ? { areaId: query.area } : {}) };
  if (query.since !== undefined) {
    const since = decodeSyncCursor(query.since);
    return pageFrom(await listVisibleSchools(ctx.tx, actor.scope, { ...filter, sinceSeq: since }), query.limit, { since });
  }
  const tableSeq = await maxSchoolChangeSeq(ctx.tx);
  const rows = await listVisibleSchools(ctx.tx, actor.scope, { ...filter, ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}) });
  return pageFrom(rows, query.limit, { tableSeq });
}

export async function getSchool(ctx: Ctx, id: string): Promise<SchoolRow> {
  const actor = requirePermission(ctx, 'registry.read');
  const school = await findVisibleSchool(ctx.tx, actor.scope, id);
  // Out of scope and missing look the same, so ids cannot be probed.
  if (!school) throw new AppError('NOT_FOUND');
  return school;
}
