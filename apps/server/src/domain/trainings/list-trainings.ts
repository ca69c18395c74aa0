import { listVisibleTrainingSessions, maxTrainingSessionChangeSeq, type TrainingSessionRow } from '../../db/trainings/training-sessions.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { Page } from '../shared/cursor.js';
import { schoolRecordPage, type SchoolRecordQuery } from '../sync/school-record-page.js';

/** Training sessions at the schools in the caller's scope, filtered; a page, or the changes since a sync cursor. */
export async function listTrainings(ctx: Ctx, query: SchoolRecordQuery & { module?: string }): Promise<Page<TrainingSessionRow>> {
  const actor = requirePermission(ctx, 'safety.read');
  return schoolRecordPage(
    query,
    (filter) => listVisibleTrainingSessions(ctx.tx, actor.scope, { ...filter, ...(query.module ? { moduleId: query.module } : {}) }),
    () => maxTrainingSessionChangeSeq(ctx.tx),
  );
}
