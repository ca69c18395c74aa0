import type PgBoss from 'pg-boss';
import type { Database, Executor } from '../db/database.js';
import { bossDbOn } from '../db/jobs/boss-db.js';
import {
  findJobProgress,
  markJobCompleted,
  markJobFailed,
  markJobRunning,
  setJobProgress,
  type JobError,
} from '../db/jobs/job-progress.repository.js';
import { sweepInterruptedWork } from '../domain/jobs/sweep-interrupted-work.js';
import { isAppError } from '../domain/shared/app-error.js';
import type { Metrics } from '../ops/metrics.js';
import type { JobLog } from './job-log.js';
import type { JobHandler, JobQueue } from './job-queue.js';
import { ProgressReporter } from './progress-reporter.js';

export interface RunDeps {
  database: Database;
  metrics: Metrics;
  boss: PgBoss;
  log: JobLog;
  queue: Pick<JobQueue, 'cancel' | 'rerun'>;
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
    if (await interruptedBefore(deps, job)) {
      metrics.jobsFinished.inc({ kind, outcome: 'interrupted' });
      return;
    }
    // A sweep may have taken this claim for stranded meanwhile (see findStrandedClaims): then it is not run.
    if (!(await markJobRunning(database.db, { id: job.id, kind }, database.instanceId))) {
      await boss.cancel(kind, job.id).catch((err: unknown) => log.warn({ err, jobId: job.id }, 'could not cancel'));
      metrics.jobsFinished.inc({ kind, outcome: 'interrupted' });
      return;
    }
    const completionWrites: Array<(tx: Executor) => Promise<void>> = [];
    const value = await handler(job.data, {
      jobId: job.id,
      signal: controller.signal,
      progress: (fraction, message) => reporter.report(fraction, message),
      atCompletion: (write) => void completionWrites.push(write),
    });
    const result: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
    await reporter.close();
    // One transaction: a kill between the two would leave a finished job that pg-boss hands out again later.
    await database.db.transaction(async (tx) => {
      for (const write of completionWrites) await write(tx);
      await markJobCompleted(tx, job.id, result);
      await boss.complete(kind, job.id, {}, { db: bossDbOn(tx) });
    });
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

/**
 * pg-boss hands out again a job whose process died mid-run once its expiry passes. Such a job is not run again
 * behind its owner's back: when its last attempt is still marked running on another instance, the sweep decides
 * whether that instance is gone (and if so marks the work interrupted); an interrupted job is cancelled, not run.
 */
async function interruptedBefore(deps: RunDeps, job: PgBoss.JobWithMetadata<unknown>): Promise<boolean> {
  const { database, boss, queue } = deps;
  const cancel = async (kind: string, id: string, tx?: Executor) => boss.cancel(kind, id, tx ? { db: bossDbOn(tx) } : {});
  let previous = await findJobProgress(database.db, job.id);
  // Finished already (by an earlier build that completed in two steps): tell the queue, do not run it twice.
  if (previous?.state === 'completed') {
    await boss.complete(job.name, job.id);
    return true;
  }
  if (previous?.state === 'running' && previous.instanceId !== database.instanceId) {
    await sweepInterruptedWork({ database, jobs: { cancel, rerun: queue.rerun } });
    previous = await findJobProgress(database.db, job.id);
  }
  if (previous?.state !== 'interrupted') return false;
  await cancel(job.name, job.id);
  return true;
}
