import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import {
  markJobCompleted,
  markJobFailed,
  markJobRunning,
  setJobProgress,
  type JobError,
} from '../db/jobs/job-progress.repository.js';
import { isAppError } from '../domain/shared/app-error.js';
import type { Metrics } from '../ops/metrics.js';
import type { JobLog } from './job-log.js';
import type { JobHandler } from './job-queue.js';
import { ProgressReporter } from './progress-reporter.js';

export interface RunDeps {
  database: Database;
  metrics: Metrics;
  boss: PgBoss;
  log: JobLog;
}

/** What the user may see of a failure: an AppError's code and detail; anything else stays in the log. */
export function publicError(error: unknown): JobError {
  if (isAppError(error)) return { code: error.code, message: error.detail ?? error.code };
  return { code: 'INTERNAL', message: 'The job failed unexpectedly; the server log has the details.' };
}

/**
 * One attempt of one job: job_progress follows it (running → completed, or queued again / failed), and
 * pg-boss is told the outcome for this job alone, so one failure in a batch does not fail its neighbours.
 */
export async function runJob(
  deps: RunDeps,
  handler: JobHandler<unknown>,
  job: PgBoss.JobWithMetadata<unknown>,
  controller: AbortController,
): Promise<void> {
  const { database, metrics, boss, log } = deps;
  const kind = job.name;
  // node-postgres returns EXTRACT(epoch ...) as a numeric string.
  const expireMs = Math.max(1, Number(job.expireInSeconds) || 15 * 60) * 1000;
  const timer = setTimeout(() => controller.abort(new Error('job expired')), expireMs);
  const reporter = new ProgressReporter((fraction, message) =>
    setJobProgress(database.db, job.id, fraction, message).catch((err: unknown) =>
      log.warn({ err, jobId: job.id }, 'progress write failed'),
    ),
  );
  try {
    await markJobRunning(database.db, job.id);
    const value = await handler(job.data, {
      jobId: job.id,
      signal: controller.signal,
      progress: (fraction, message) => reporter.report(fraction, message),
    });
    const result: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
    await reporter.close();
    await markJobCompleted(database.db, job.id, result);
    await boss.complete(kind, job.id);
    metrics.jobsFinished.inc({ kind, outcome: 'completed' });
  } catch (error) {
    await reporter.close();
    const willRetry = job.retryCount < job.retryLimit;
    const shown = publicError(error);
    if (shown.code === 'INTERNAL') log.error({ err: error, jobId: job.id, kind }, 'job failed');
    await markJobFailed(database.db, job.id, shown, willRetry).catch((err: unknown) =>
      log.error({ err, jobId: job.id }, 'could not record job failure'),
    );
    await boss
      .fail(kind, job.id, shown)
      .catch((err: unknown) => log.error({ err, jobId: job.id }, 'could not fail job in pg-boss'));
    metrics.jobsFinished.inc({ kind, outcome: willRetry ? 'retried' : 'failed' });
  } finally {
    clearTimeout(timer);
  }
}
