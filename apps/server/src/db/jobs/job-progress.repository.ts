import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
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

/**
 * A new attempt starts on the instance `instanceId`: progress is unknown again; the previous attempt's error stays
 * until it succeeds. False when the job was settled meanwhile (interrupted by a sweep, cancelled, completed).
 */
/**
 * Marks a job running on this instance, unless a sweep or a user ended it first (then false: do not run it). A job
 * pg-boss made itself (a cron schedule) has no row yet: it gets one here, so a crash mid-run is seen like any other.
 */
export async function markJobRunning(on: Executor, job: { id: string; kind: string }, instanceId: string): Promise<boolean> {
  const running = { state: 'running', progress: null, message: null, instanceId, updatedAt: sql`now()` };
  const rows = await on
    .insert(jobProgress)
    .values({ id: job.id, kind: job.kind, ownerId: null, ...running })
    .onConflictDoUpdate({
      target: jobProgress.id,
      set: running,
      setWhere: sql`${jobProgress.state} NOT IN ('interrupted', 'cancelled', 'completed')`,
    })
    .returning({ id: jobProgress.id });
  return rows.length > 0;
}

/** The payload pg-boss keeps for a job (to queue it again after its server died). */
export async function readJobData(on: Executor, id: string): Promise<unknown> {
  const result = await on.execute(sql`SELECT data FROM pgboss.job WHERE id = ${id}::uuid`);
  const rows = (result as { rows: { data: unknown }[] }).rows;
  return rows[0]?.data ?? null;
}

/** Jobs marked running, and the instance running each. */
export async function findRunningJobs(on: Executor): Promise<Pick<JobProgressRow, 'id' | 'kind' | 'instanceId'>[]> {
  return on
    .select({ id: jobProgress.id, kind: jobProgress.kind, instanceId: jobProgress.instanceId })
    .from(jobProgress)
    .where(eq(jobProgress.state, 'running'));
}

/**
 * Jobs the queue handed out (active in pg-boss since before `claimedBefore`) that no process ever marked running:
 * the process that fetched them died between the two (pg-boss would hand them out again only at their expiry, an
 * hour or two later). The gap is a few milliseconds in a live process, hence the age.
 */
export async function findStrandedClaims(
  database: Database,
  on: Executor,
  claimedBefore: Date,
): Promise<{ id: string; kind: string }[]> {
  return database.rows<{ id: string; kind: string }>(
    sql`SELECT jp.id::text AS id, jp.kind FROM job_progress jp JOIN pgboss.job j ON j.id = jp.id
        WHERE jp.state = 'queued' AND j.state = 'active' AND j.started_on < ${claimedBefore.toISOString()}::timestamptz`,
    on,
  );
}

/** Marks interrupted a job the queue handed out but nobody started (see findStrandedClaims); true when it did. */
export async function markClaimInterrupted(on: Executor, id: string, error: JobError): Promise<boolean> {
  const rows = await on
    .update(jobProgress)
    .set({ state: 'interrupted', error, message: null, updatedAt: sql`now()` })
    .where(and(eq(jobProgress.id, id), eq(jobProgress.state, 'queued')))
    .returning({ id: jobProgress.id });
  return rows.length > 0;
}

/** Marks interrupted a job still running on `instanceId` (the one found dead); true when it did. */
export async function markJobInterrupted(on: Executor, id: string, instanceId: string | null, error: JobError): Promise<boolean> {
  const rows = await on
    .update(jobProgress)
    .set({ state: 'interrupted', error, message: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(jobProgress.id, id),
        eq(jobProgress.state, 'running'),
        sql`${jobProgress.instanceId} IS NOT DISTINCT FROM ${instanceId}`,
      ),
    )
    .returning({ id: jobProgress.id });
  return rows.length > 0;
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

/**
 * `willRetry`: pg-boss will run it again, so it is queued (with the error) rather than failed. An interrupted job
 * stays interrupted: its attempt failed because it had been taken for dead and cancelled.
 */
export async function markJobFailed(on: Executor, id: string, error: JobError, willRetry: boolean): Promise<void> {
  await on
    .update(jobProgress)
    .set({
      state: willRetry ? 'queued' : 'failed',
      error,
      message: willRetry ? `Attempt failed (${error.code}); it will be retried.` : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobProgress.id, id), ne(jobProgress.state, 'interrupted')));
}
