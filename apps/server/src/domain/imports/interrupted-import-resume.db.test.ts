import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { findImport } from '../../db/imports/imports.repository.js';
import { findJobProgress } from '../../db/jobs/job-progress.repository.js';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { bossState, crashImport, expireActiveJobs } from '../../testing/interrupted-import.js';
import { registryOf, schoolImportForm, sikkimAreas, sikkimSchoolFile } from '../../testing/school-import-files.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { sweepInterruptedWork } from '../jobs/sweep-interrupted-work.js';
import { schoolImportInBatchesOf } from '../registry/schools/run-school-import.js';
import { runSchoolImportOn, type HarnessRun } from '../registry/schools/school-import-harness.js';
import { runImport } from './run-import.js';

// A server is killed (kill -9) in the middle of a school import written in batches of 10 rows; a surviving process
// finds the import interrupted, and the author resumes it. The same two imports run one-shot in `single` tell what
// the registry must hold at the end.
const BATCH = 10;
const areas = sikkimAreas();
let t: TestApp;
let single: Database;
let admin: Caller;
let oneShot: HarnessRun;
let handled = 0;
let crashed: { id: string; jobId: string };

beforeAll(async () => {
  t = await createTestApp({
    registerJobs: (jobs) =>
      jobs.register<{ importId: string }>(
        'import.schools',
        (payload, job) => {
          handled += 1;
          const runner = { schools: schoolImportInBatchesOf(BATCH) };
          return runImport({ database: t.database, storage: t.services.storage }, payload.importId, job, runner);
        },
        { batchSize: 1, expireInSeconds: 2 * 3600, retryLimit: 1 },
      ),
  });
  single = await areas.addTo(await createTestDatabase());
  await areas.addTo(t.database);
  await runSchoolImportOn(single, { bytes: sikkimSchoolFile(1) });
  await runSchoolImportOn(t.database, { bytes: sikkimSchoolFile(1) });
  oneShot = await runSchoolImportOn(single, { bytes: sikkimSchoolFile(2) });
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
  await single?.close();
});

async function startSchoolImport(csv: string): Promise<string> {
  const form = schoolImportForm(csv);
  const started = await admin.request('POST', '/api/v1/imports', form.body, form.headers);
  expect(started.statusCode).toBe(202);
  return started.json<{ id: string }>().id;
}

/** The batch audit rows of an import, in file order. */
const batchesOf = (importId: string) =>
  t.database.rows<{ rows: number; created: number; updated: number; unchanged: number; first: number; last: number }>(sql`
    SELECT (details->>'rows')::int AS rows, (details->>'created')::int AS created, (details->>'updated')::int AS updated,
           (details->>'unchanged')::int AS unchanged, (details->>'firstRow')::int AS first, (details->>'lastRow')::int AS last
      FROM audit_log WHERE action = 'import.schools.batch' AND entity_id = ${importId} ORDER BY (details->>'firstRow')::int`);

const sum = (rows: Record<string, number>[], key: string) => rows.reduce((n, r) => n + (r[key] ?? 0), 0);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const services = () => ({ database: t.database, storage: t.services.storage });

describe('an import cut by a crash', () => {
  it('is found interrupted with the counts of its committed batches, and pg-boss never runs it again', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(2));
    const { jobId } = await crashImport(services(), id, { batches: 5, batchSize: BATCH });
    crashed = { id, jobId };
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'running' });
    expect(await bossState(t.database, jobId)).toBe('active');

    // What start-server.ts runs before taking work.
    expect(await sweepInterruptedWork({ database: t.database, jobs: t.services.jobs })).toEqual({ imports: [id], jobs: [jobId] });
    const batches = await batchesOf(id);
    expect(batches.map((b) => b.last)).toEqual([10, 20, 30, 40, 50]);
    const shown = (await admin.get(`/api/v1/imports/${id}`)).json<{
      status: string;
      counts: object;
      lastCommittedRow: number;
      message: string;
    }>();
    expect(shown).toMatchObject({
      status: 'interrupted',
      lastCommittedRow: 50,
      counts: { rows: 50, created: 0, updated: sum(batches, 'updated'), unchanged: sum(batches, 'unchanged'), rejected: 0 },
    });
    expect(sum(batches, 'updated')).toBeGreaterThan(0);
    expect(shown.message).toContain('50 rows up to row 50 of the file were written');
    expect(await findJobProgress(t.database.db, jobId)).toMatchObject({
      state: 'interrupted',
      error: { code: 'WORK_INTERRUPTED' },
    });

    // Cancelled in the queue: two hours on, pg-boss's expiry finds nothing to retry.
    expect(await bossState(t.database, jobId)).toBe('cancelled');
    await expireActiveJobs(t.database, 3);
    expect(await bossState(t.database, jobId)).toBe('cancelled');
    expect(await sweepInterruptedWork({ database: t.database, jobs: t.services.jobs })).toEqual({ imports: [], jobs: [] });
  });

  it('is interrupted, not run, when pg-boss hands its job out again before any sweep', async () => {
    // Rows 1-30 of the same file again: the first import wrote them, so these batches change nothing but are recorded.
    const id = await startSchoolImport(sikkimSchoolFile(2));
    const { jobId } = await crashImport(services(), id, { batches: 3, batchSize: BATCH });
    await expireActiveJobs(t.database, 3);
    expect(await bossState(t.database, jobId)).toBe('retry');

    await t.services.jobs.start();
    const job = await until(
      () => findJobProgress(t.database.db, jobId),
      (j) => j?.state === 'interrupted',
    );
    expect(job?.state).toBe('interrupted');
    expect(handled).toBe(0);
    expect(await bossState(t.database, jobId)).toBe('cancelled');
    expect(await findImport(t.database.db, id)).toMatchObject({
      status: 'interrupted',
      lastCommittedRow: 30,
      counts: { rows: 30, created: 0, updated: 0, unchanged: 30, rejected: 0 },
    });
  });

  it('resumes after its last committed batch and ends as the same import run in one go', async () => {
    const { id } = crashed;
    const headers = { 'idempotency-key': `resume-${id}` };
    const resumed = await admin.request('POST', `/api/v1/imports/${id}/resume`, undefined, headers);
    expect(resumed.statusCode).toBe(202);
    expect(resumed.json()).toMatchObject({ status: 'queued', lastCommittedRow: 50, message: 'Resuming after row 50.' });
    const replayed = await admin.request('POST', `/api/v1/imports/${id}/resume`, undefined, headers);
    expect(replayed.statusCode).toBe(202);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual(resumed.json());

    const done = await until(
      async () => (await admin.get(`/api/v1/imports/${id}`)).json<{ status: string; counts: object }>(),
      (r) => !['queued', 'running'].includes(r.status),
    );
    expect(done.status).toBe('completed');
    expect(handled).toBe(1);
    expect(done.counts).toEqual(oneShot.counts);
    expect(await registryOf(t.database)).toEqual(await registryOf(single));

    // Every row written once: batches follow each other without overlap, and add up to the counts.
    const batches = await batchesOf(id);
    expect(batches.map((b) => [b.first, b.last])).toEqual(Array.from({ length: 12 }, (_, i) => [i * BATCH + 1, (i + 1) * BATCH]));
    expect({ created: sum(batches, 'created'), updated: sum(batches, 'updated'), unchanged: sum(batches, 'unchanged') }).toEqual({
      created: oneShot.counts.created,
      updated: oneShot.counts.updated,
      unchanged: oneShot.counts.unchanged,
    });
    const twice = await t.database.rows(sql`
      SELECT school_id, count(*) AS n FROM school_history WHERE import_id = ${id} GROUP BY school_id HAVING count(*) > 1`);
    expect(twice).toEqual([]);
    const actions = await t.database.rows<{ action: string }>(sql`
      SELECT action FROM audit_log WHERE entity_id = ${id} AND action <> 'import.schools.batch' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(['import.start', 'import.interrupt', 'import.resume']);

    const again = await admin.request('POST', `/api/v1/imports/${id}/resume`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'IMPORT_NOT_INTERRUPTED' });
  });
});
