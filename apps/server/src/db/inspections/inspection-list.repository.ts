import { eq, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { inspections, schools } from '../schema.js';
import type { InspectionRow } from '../safety/inspections.repository.js';
import { schoolRecordList, type SchoolRecordFilter } from '../sync/school-record-list.js';

const columns = { id: inspections.id, schoolId: inspections.schoolId, heldOn: inspections.inspectedOn, changeSeq: inspections.changeSeq, deletedAt: inspections.deletedAt };

/** Inspections of visible schools, a page in id order or, with `sinceSeq`, the changes after it (see schoolRecordList). */
export async function listVisibleInspections(on: Executor, viewer: Scope, filter: SchoolRecordFilter & { safetyLevel?: string }): Promise<InspectionRow[]> {
  const { where, orderBy } = schoolRecordList(columns, viewer, filter, filter.safetyLevel ? [eq(inspections.safetyLevel, filter.safetyLevel)] : []);
  const rows = await on.select({ inspection: inspections }).from(inspections).innerJoin(schools, eq(schools.id, inspections.schoolId)).where(where).orderBy(orderBy).limit(filter.limit);
  return rows.map((r) => r.inspection);
}

export async function maxInspectionChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${inspections.changeSeq}), 0)`.mapWith(Number) }).from(inspections);
  return rows[0]?.n ?? 0;
}
