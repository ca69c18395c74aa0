import type { Database } from '../db/database.js';
import { sweepInterruptedWork, type SweptWork } from '../domain/jobs/sweep-interrupted-work.js';
import type { JobQueue } from './job-queue.js';

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Sweeps for interrupted work once a minute while the server runs, on PostgreSQL: there another instance can die
 * while this one lives on. (On PGlite one process holds the data directory, so its own death is found by its next
 * start.) Each minute rather than in the hourly housekeeping job: the user sees the interruption within a minute,
 * well before pg-boss's expiry (10 min to 2 h) would hand the job out again, which run-job.ts refuses anyway; and a
 * sweep is two indexed reads when nothing runs, so every instance may do it, with no queue job per minute.
 */
export function watchInterruptedWork(
  deps: { database: Database; jobs: Pick<JobQueue, 'cancel' | 'rerun'> },
  report: { swept(work: SweptWork): void; failed(error: unknown): void },
  intervalMs = SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
  if (deps.database.kind !== 'postgresql') return { stop: async () => {} };
  let current: Promise<void> | null = null;
  const timer = setInterval(() => {
    current ??= sweepInterruptedWork(deps)
      .then((work) => {
        if (work.imports.length || work.jobs.length || work.presenceUnknown) report.swept(work);
      })
      .catch((error: unknown) => report.failed(error))
      .finally(() => (current = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
