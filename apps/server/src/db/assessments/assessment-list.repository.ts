import { eq, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { assessments, schools } from '../schema.js';
import type { AssessmentRow } from '../safety/assessments.repository.js';
import { schoolRecordList, type SchoolRecordFilter } from '../sync/school-record-list.js';

/** The UTC day an assessment counts for: the day it was submitted, or for a draft the day it was started. */
const assessedOn = sql`(coalesce(${assessments.submittedAt}, ${assessments.createdAt}) AT TIME ZONE 'UTC')::date`;

// `heldOn` is never read: the list drops `from`/`to` before it and matches them against `assessedOn`.
const columns = { id: assessments.id, schoolId: assessments.schoolId, heldOn: assessments.createdAt, changeSeq: assessments.changeSeq, deletedAt: assessments.deletedAt };

/** Assessments of visible schools, a page in id order or, with `sinceSeq`, the changes after it (see schoolRecordList). */
export async function listVisibleAssessments(on: Executor, viewer: Scope, filter: SchoolRecordFilter & { status?: string }): Promise<AssessmentRow[]> {
  const { from, to, status, ...rest } = filter;
  const extra: SQL[] = [];
  if (status) extra.push(eq(assessments.status, status));
  if (from) extra.push(sql`${assessedOn} >= ${from}::date`);
  if (to) extra.push(sql`${assessedOn} <= ${to}::date`);
  const { where, orderBy } = schoolRecordList(columns, viewer, rest, extra);
  const rows = await on.select({ assessment: assessments }).from(assessments).innerJoin(schools, eq(schools.id, assessments.schoolId)).where(where).orderBy(orderBy).limit(filter.limit);
  return rows.map((r) => r.assessment);
}

export async function maxAssessmentChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${assessments.changeSeq}), 0)`.mapWith(Number) }).from(assessments);
  return rows[0]?.n ?? 0;
}
