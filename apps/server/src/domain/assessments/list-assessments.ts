import { listVisibleAssessments, maxAssessmentChangeSeq } from '../../db/assessments/assessment-list.repository.js';
import type { AssessmentRow } from '../../db/safety/assessments.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { Page } from '../shared/cursor.js';
import { schoolRecordPage, type SchoolRecordQuery } from '../sync/school-record-page.js';

/** Self-assessments of the schools in the caller's scope, filtered; a page, or the changes since a sync cursor. */
export async function listAssessments(ctx: Ctx, query: SchoolRecordQuery & { status?: 'draft' | 'submitted' }): Promise<Page<AssessmentRow>> {
  const actor = requirePermission(ctx, 'safety.read');
  return schoolRecordPage(
    query,
    (filter) => listVisibleAssessments(ctx.tx, actor.scope, { ...filter, ...(query.status ? { status: query.status } : {}) }),
    () => maxAssessmentChangeSeq(ctx.tx),
  );
}
