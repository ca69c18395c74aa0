import { listVisibleDrills, maxDrillChangeSeq, type DrillRow } from '../../db/drills/drills.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { Page } from '../shared/cursor.js';
import { schoolRecordPage, type SchoolRecordQuery } from '../sync/school-record-page.js';

/** Drills of the schools in the caller's scope, filtered; a page, or the changes since a sync cursor. */
export async function listDrills(ctx: Ctx, query: SchoolRecordQuery & { hazard?: string }): Promise<Page<DrillRow>> {
  const actor = requirePermission(ctx, 'safety.read');
  return schoolRecordPage(
    query,
    (filter) => listVisibleDrills(ctx.tx, actor.scope, { ...filter, ...(query.hazard ? { hazard: query.hazard } : {}) }),
    () => maxDrillChangeSeq(ctx.tx),
  );
}
