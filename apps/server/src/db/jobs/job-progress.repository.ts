import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { jobProgress } from '../schema.js';

export type JobProgressRow = typeof jobProgress.$inferSelect;
export type JobError = { code: string; message: string };

export async function insertJobProgress(on: Executor, row: { id: string; kind: string; ownerId: string | null }): Promise<void> {
  await on.insert(jobProgress).values({ ...row, state: 'queued' });
}

export async function deleteJobProgress(on: Executor, id: string): Promise<void> {
  await on.delete(jobProgress).where(eq(jobProgress.id, id));
}

export async function findJobProgress(on: Executor, id: string): Promise<JobProgressRow | undefined> {
  const rows = await on.select().from(jobProgress).where(eq(jobProgress.id, id)).limit(1);
  return rows[0];
}

/** A new attempt starts: progress is unknown again; the previous attempt's error stays until it succeeds. */
export async function markJobRunning(on: Executor, id: string): Promise<void> {
  await on
    .update(jobProgress)
    .set({ state: 'running', progress: null, message: null, updatedAt: sql`now()` })
    .where(eq(jobProgress.id, id));
}

/** Only while running: a late progress write never overwrites the outcome. */
export async function setJobProgress(on: Executor, id: string, progress: number | null, message: string | null): Promise<void> {
  await on
    .update(jobProgress)
    .set({ progress, message, updatedAt: sql`now()` })
    .where(and(eq(jobProgress.id, id), eq(jobProgress.state, 'running')));
}

export async function markJobCompleted(on: Executor, id: string, result: unknown): Promise<void> {
  await on
    .update(jobProgress)
    .set({
      state: 'completed',
      progress: 1,
      result: sql`${JSON.stringify(result ?? null)}::jsonb`,
      error: null,
      updatedAt: sql`now()`,
    })
    .where(eq(jobProgress.id, id));
}

/** `willRetry`: pg-boss will run it again, so it is queued (with the error) rather than failed. */
export async function markJobFailed(on: Executor, id: string, error: JobError, willRetry: boolean): Promise<void> {
  await on
    .update(jobProgress)
    .set({
      state: willRetry ? 'queued' : 'failed',
      error,
      message: willRetry ? `Attempt failed (${error.code}); it will be retried.` : null,
      updatedAt: sql`now()`,
    })
    .where(eq(jobProgress.id, id));
}
