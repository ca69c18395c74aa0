import { findJobProgress, type JobProgressRow } from '../../db/jobs/job-progress.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/**
 * A job's progress, for the person who started it or an administrator. Anyone else gets NOT_FOUND, so job ids
 * reveal nothing about other people's work.
 */
export async function getJob(ctx: Ctx, id: string): Promise<JobProgressRow> {
  const actor = requirePermission(ctx, 'jobs.read');
  const row = await findJobProgress(ctx.tx, id);
  if (!row || (actor.scope.kind !== 'all' && row.ownerId !== actor.userId)) throw new AppError('NOT_FOUND');
  return row;
}
