import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { findJobProgress, markJobRunning, type JobProgressRow } from '../db/jobs/job-progress.repository.js';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../domain/shared/app-error.js';
import { createMetrics, type Metrics } from '../ops/metrics.js';
import { buildUser } from '../testing/factories.js';
import { createTestDatabase } from '../testing/test-database.js';
import { createJobQueue } from './create-job-queue.js';
import type { JobQueue } from './job-queue.js';

let database: Database;
let config: Config;
let metrics: Metrics;
let queue: JobQueue;
let ownerId: string;
const attempts = new Map<string, number>();

async function settled(id: string, states: string[] = ['completed', 'failed'], timeoutMs = 30_000): Promise<JobProgressRow> {
  let row: JobProgressRow | undefined;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    row = await findJobProgress(database.db, id);
    if (row && states.includes(row.state)) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} still ${row?.state ?? 'missing'} after ${timeoutMs} ms`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  config = loadConfig({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ss-jobs-')), LOG_LEVEL: 'silent', JOBS: 'true' });
  metrics = createMetrics();
  await database.db.execute(sql`CREATE TABLE t_completion_marks (marker text NOT NULL, attempt int NOT NULL)`);
  ownerId = (await buildUser(database, { role: 'district_officer' })).id;
  queue = createJobQueue(config, database, metrics);
  queue.register<{ n: number }>('t-ok', async ({ n }, ctx) => {
    for (let i = 1; i <= 5; i++) await ctx.progress(i / 5, `step ${i}`);
    return { doubled: n * 2 };
  });
  queue.register<{ key: string; internal?: boolean }>(
    't-fail',
    ({ key, internal }) => {
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      if (internal) return Promise.reject(new Error('connection string postgres://secret@db leaked?'));
      return Promise.reject(new AppError('VALIDATION_FAILED', `row 3 of ${key} has no name`));
    },
    { retryLimit: 1, retryDelaySeconds: 1 },
  );
  // Two completion writes, the second failing on its first attempt: the first must not outlive it.
  queue.register<{ marker: string }>(
    't-atomic',
    ({ marker }, ctx) => {
      const attempt = (attempts.get(marker) ?? 0) + 1;
      attempts.set(marker, attempt);
      ctx.atCompletion((tx) => tx.execute(sql`INSERT INTO t_completion_marks (marker, attempt) VALUES (${marker}, ${attempt})`).then(() => undefined));
      ctx.atCompletion(async () => {
        if (attempt === 1) throw new AppError('VALIDATION_FAILED', 'second write refused');
      });
      return Promise.resolve({ attempt });
    },
    { retryLimit: 1, retryDelaySeconds: 1 },
  );
  queue.register('t-rerun', () => Promise.resolve(null), { whenInterrupted: 'rerun' });
  queue.register('t-bulk', () => Promise.resolve(null), { batchSize: 100 });
  await queue.start();
});
afterAll(async () => {
  await queue.stop(5_000);
  await database.close();
});

describe('job queue on pg-boss', () => {
  it('runs a job, records its progress and result, and counts it', async () => {
    const id = await queue.enqueue('t-ok', { n: 21 }, { ownerId });
    expect((await findJobProgress(database.db, id))?.ownerId).toBe(ownerId);
    const row = await settled(id);
    expect(row).toMatchObject({ kind: 't-ok', state: 'completed', progress: 1, result: { doubled: 42 }, error: null });
    const counted = (await metrics.jobsFinished.get()).values.find(
      (v) => v.labels.kind === 't-ok' && v.labels.outcome === 'completed',
    );
    expect(counted?.value).toBe(1);
  });

  it('makes completion writes in the transaction that completes the job: a failed one takes the others back', async () => {
    const id = await queue.enqueue('t-atomic', { marker: 'm' }, { ownerId });
    const row = await settled(id);
    expect(row).toMatchObject({ state: 'completed', result: { attempt: 2 } });
    const marks = await database.rows<{ attempt: number }>(sql`SELECT attempt FROM t_completion_marks WHERE marker = 'm'`);
    expect(marks.map((r) => r.attempt)).toEqual([2]);
  });

  it('marks a job pg-boss made itself (a cron schedule, no progress row) running, so it runs', async () => {
    const id = uuidv7();
    expect(await markJobRunning(database.db, { id, kind: 't-ok' }, database.instanceId)).toBe(true);
    expect(await findJobProgress(database.db, id)).toMatchObject({ kind: 't-ok', state: 'running', instanceId: database.instanceId });
    // One that ended is not started again.
    await database.db.execute(sql`UPDATE job_progress SET state = 'completed' WHERE id = ${id}::uuid`);
    expect(await markJobRunning(database.db, { id, kind: 't-ok' }, database.instanceId)).toBe(false);
  });

  it('queues a job of a rerun kind again with its payload, and no other kind', async () => {
    const id = await queue.enqueue('t-rerun', { step: 7 }, { ownerId: null, startAfterSeconds: 3600 });
    const again = await database.db.transaction((tx) => queue.rerun('t-rerun', id, tx));
    expect(again).toBe(true);
    const copies = await database.rows<{ data: { step: number } }>(sql`SELECT data FROM pgboss.job WHERE name = 't-rerun' AND id <> ${id}::uuid`);
    expect(copies.map((c) => c.data.step)).toEqual([7]);
    const other = await queue.enqueue('t-ok', { n: 1 }, { ownerId, startAfterSeconds: 3600 });
    expect(await database.db.transaction((tx) => queue.rerun('t-ok', other, tx))).toBe(false);
  });

  it('retries a failing job, then fails it with the AppError code, hiding other errors', async () => {
    const id = await queue.enqueue('t-fail', { key: 'a' }, { ownerId });
    const row = await settled(id, ['failed']);
    expect(attempts.get('a')).toBe(2);
    expect(row.error).toEqual({ code: 'VALIDATION_FAILED', message: 'row 3 of a has no name' });
    const internal = await settled(await queue.enqueue('t-fail', { key: 'b', internal: true }, { ownerId, retryLimit: 0 }), [
      'failed',
    ]);
    expect(attempts.get('b')).toBe(1);
    expect(internal.error?.code).toBe('INTERNAL');
    expect(JSON.stringify(internal.error)).not.toContain('secret');
  });

  it('enqueues inside a transaction: nothing exists if it rolls back', async () => {
    let committed = '';
    await database.db.transaction(async (tx) => {
      committed = await queue.enqueue('t-ok', { n: 1 }, { ownerId: null, tx });
    });
    expect((await settled(committed)).result).toEqual({ doubled: 2 });

    let rolledBack = '';
    await expect(
      database.db.transaction(async (tx) => {
        rolledBack = await queue.enqueue('t-ok', { n: 2 }, { ownerId: null, tx });
        throw new Error('request failed');
      }),
    ).rejects.toThrow('request failed');
    expect(await findJobProgress(database.db, rolledBack)).toBeUndefined();
    const left = await database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pgboss.job WHERE id = ${rolledBack}::uuid`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it(`works through ${Number(process.env.JOBS_BENCH_N ?? 300)} jobs`, async () => {
    const n = Number(process.env.JOBS_BENCH_N ?? 300);
    const began = Date.now();
    for (let i = 0; i < n; i++) await queue.enqueue('t-bulk', { i }, { ownerId: null });
    const sent = Date.now();
    const done = async () =>
      (
        await database.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM job_progress WHERE kind = 't-bulk' AND state = 'completed'`,
        )
      )[0]?.n ?? 0;
    while ((await done()) < n) await new Promise((r) => setTimeout(r, 100));
    const finished = Date.now();
    console.log(`[${database.kind}] ${n} jobs: enqueue ${sent - began} ms, all done ${finished - began} ms`);
    expect(await done()).toBe(n);
  }, 300_000);
});

describe('stopping', () => {
  it('waits for running jobs up to the timeout, then aborts them; they are queued again', async () => {
    const other = createJobQueue(config, database, metrics);
    let aborted: unknown = null;
    let finishedQuick = false;
    other.register('t-slow', async (_p, ctx) => {
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
      aborted = ctx.signal.reason;
      throw new AppError('SHUTTING_DOWN');
    });
    other.register('t-quick', async () => {
      await new Promise((r) => setTimeout(r, 300));
      finishedQuick = true;
      return 'ok';
    });
    await other.start();
    expect(other.running).toBe(true);
    const slow = await other.enqueue('t-slow', {}, { ownerId: null });
    const quick = await other.enqueue('t-quick', {}, { ownerId: null });
    await settled(slow, ['running']);
    await settled(quick, ['running']);
    const began = Date.now();
    await other.stop(1_000);
    expect(Date.now() - began).toBeLessThan(4_000);
    expect(finishedQuick).toBe(true);
    expect(aborted).toBeInstanceOf(Error);
    expect(other.running).toBe(false);
    expect((await findJobProgress(database.db, quick))?.state).toBe('completed');
    expect(await findJobProgress(database.db, slow)).toMatchObject({ state: 'queued', error: { code: 'SHUTTING_DOWN' } });
  });
});
