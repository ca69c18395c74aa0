import { listVisibleInspections, maxInspectionChangeSeq } from '../../db/inspections/inspection-list.repository.js';
import type { InspectionRow } from '../../db/safety/inspections.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { Page } from '../shared/cursor.js';
import { schoolRecordPage, type SchoolRecordQuery } from '../sync/school-record-page.js';

/** Technical inspections of the schools in the caller's scope, filtered; a page, or the changes since a sync cursor. */
export async function listInspections(ctx: Ctx, query: SchoolRecordQuery & { safetyLevel?: string }): Promise<Page<InspectionRow>> {
  const actor = requirePermission(ctx, 'safety.read');
  return schoolRecordPage(
    query,
    (filter) => listVisibleInspections(ctx.tx, actor.scope, { ...filter, ...(query.safetyLevel ? { safetyLevel: query.safetyLevel } : {}) }),
    () => maxInspectionChangeSeq(ctx.tx),
  );
}
