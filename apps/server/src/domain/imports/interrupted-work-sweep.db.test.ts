import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { findImport } from '../../db/imports/imports.repository.js';
import { liveInstanceIds } from '../../db/instances/live-instances.repository.js';
import { markJobRunning } from '../../db/jobs/job-progress.repository.js';
import { openPostgres } from '../../db/open-postgres.js';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { bossState, crashImport, importJobId } from '../../testing/interrupted-import.js';
import { schoolImportForm, sikkimAreas, sikkimSchoolFile } from '../../testing/school-import-files.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { sweepInterruptedWork } from '../jobs/sweep-interrupted-work.js';

// Who decides what becomes of interrupted work, and what "gone" means with several server processes on one database.
let t: TestApp;
let admin: Caller;
let officer: Caller;
let viewer: Caller;

beforeAll(async () => {
  t = await createTestApp();
  await sikkimAreas().addTo(t.database);
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer' })).email, TEST_PASSWORD);
  viewer = await t.signIn((await buildUser(t.database, { role: 'viewer' })).email, TEST_PASSWORD);
});
afterAll(() => t?.close());

const services = () => ({ database: t.database, storage: t.services.storage });
const sweep = () => sweepInterruptedWork({ database: t.database, jobs: t.services.jobs });

async function startSchoolImport(csv: string): Promise<string> {
  const form = schoolImportForm(csv);
  const started = await admin.request('POST', '/api/v1/imports', form.body, form.headers);
  expect(started.statusCode).toBe(202);
  return started.json<{ id: string }>().id;
}

const schoolsFrom = async (importId: string) =>
  (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM schools WHERE source_import_id = ${importId}`))[0]?.n;

describe('abandoning an interrupted import', () => {
  it('keeps what its committed batches wrote, says so, and is final', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(1, 60, 1000));
    await crashImport(services(), id, { batches: 2, batchSize: 10 });
    expect((await sweep()).imports).toEqual([id]);

    // Only those who could start it: not another officer's (missing to them), not a viewer's role.
    expect((await officer.request('POST', `/api/v1/imports/${id}/abandon`)).statusCode).toBe(404);
    expect((await viewer.request('POST', `/api/v1/imports/${id}/abandon`)).statusCode).toBe(403);

    const abandoned = await admin.request('POST', `/api/v1/imports/${id}/abandon`);
    expect(abandoned.statusCode).toBe(200);
    expect(abandoned.json()).toMatchObject({
      status: 'abandoned',
      lastCommittedRow: 20,
      counts: { rows: 20, created: 20, updated: 0, unchanged: 0 },
      message: expect.stringContaining('The 20 rows written before the interruption (up to row 20 of the file') as string,
    });
    expect(await schoolsFrom(id)).toBe(20);
    for (const action of ['resume', 'abandon']) {
      const refused = await admin.request('POST', `/api/v1/imports/${id}/${action}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'IMPORT_NOT_INTERRUPTED' });
    }
    expect(await schoolsFrom(id)).toBe(20);
  });

  it('refuses to resume or abandon an import that is still running', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(1, 30, 2000));
    // Running in this very process, alive: no sweep touches it.
    await crashImport(services(), id, { batches: 1, batchSize: 10, instanceId: t.database.instanceId });
    expect(await sweep()).toEqual({ imports: [], jobs: [] });
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'running' });
    const refused = await admin.request('POST', `/api/v1/imports/${id}/resume`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_NOT_INTERRUPTED' });
  });
});

describe('an import whose process died before its run began', () => {
  it('is interrupted with its job, not left queued for a cancelled job', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(1, 20, 5000));
    const jobId = await importJobId(t.database, id);
    await t.database.rows(sql`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = ${jobId}::uuid`);
    await markJobRunning(t.database.db, { id: jobId, kind: 'import.schools' }, `dead-${uuidv7()}`);
    expect(await sweep()).toEqual({ imports: [id], jobs: [jobId] });
    expect(await findImport(t.database.db, id)).toMatchObject({
      status: 'interrupted',
      lastCommittedRow: null,
      message: expect.stringContaining('Nothing of it had been written yet') as string,
    });
    const resumed = await admin.request('POST', `/api/v1/imports/${id}/resume`);
    expect(resumed.json()).toMatchObject({ status: 'queued', message: 'Running again.' });
    const newJob = (await findImport(t.database.db, id))?.jobId;
    expect(newJob).not.toBe(jobId);
    expect(await bossState(t.database, newJob!)).toBe('created');
  });
});

describe('work of other kinds', () => {
  it('marks a boundary import interrupted with nothing written, to be run again', async () => {
    const id = uuidv7();
    await t.database.rows(sql`
      INSERT INTO imports (id, kind, file_name, status, instance_id) VALUES (${id}, 'boundaries', 'b.geojson', 'running', 'gone')`);
    expect((await sweep()).imports).toEqual([id]);
    expect(await findImport(t.database.db, id)).toMatchObject({
      status: 'interrupted',
      lastCommittedRow: null,
      counts: { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
      message: expect.stringContaining('Nothing of it was written') as string,
    });
  });

  it('marks an export job interrupted and cancelled; asking again starts a new one', async () => {
    const asked = await officer.get('/api/v1/exports/schools?async=always');
    expect(asked.statusCode).toBe(202);
    const { jobId } = asked.json<{ jobId: string }>();
    await t.database.rows(sql`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = ${jobId}::uuid`);
    await markJobRunning(t.database.db, { id: jobId, kind: 'import.schools' }, `dead-${uuidv7()}`);
    expect((await sweep()).jobs).toEqual([jobId]);
    expect((await officer.get(`/api/v1/jobs/${jobId}`)).json()).toMatchObject({
      state: 'interrupted',
      error: { code: 'WORK_INTERRUPTED' },
    });
    expect(await bossState(t.database, jobId)).toBe('cancelled');
    const again = await officer.get('/api/v1/exports/schools?async=always');
    expect(again.json<{ jobId: string }>().jobId).not.toBe(jobId);
  });
});

describe('a job whose process died between taking it from the queue and starting it', () => {
  it('is interrupted and cancelled once its claim is old, and left alone while it is fresh', async () => {
    const asked = await officer.get('/api/v1/exports/schools?async=always');
    const { jobId } = asked.json<{ jobId: string }>();
    // Taken from the queue a moment ago by a live process that is about to mark it running: not touched.
    await t.database.rows(
      sql`UPDATE pgboss.job SET state = 'active', started_on = now() + interval '1 minute' WHERE id = ${jobId}::uuid`,
    );
    expect((await sweep()).jobs).not.toContain(jobId);
    expect(await bossState(t.database, jobId)).toBe('active');
    // Taken long before (before this process began, on PGlite; minutes ago, on PostgreSQL) and never started.
    await t.database.rows(sql`UPDATE pgboss.job SET started_on = now() - interval '1 day' WHERE id = ${jobId}::uuid`);
    expect((await sweep()).jobs).toEqual([jobId]);
    expect((await officer.get(`/api/v1/jobs/${jobId}`)).json()).toMatchObject({
      state: 'interrupted',
      error: { code: 'WORK_INTERRUPTED' },
    });
    expect(await bossState(t.database, jobId)).toBe('cancelled');
  });

  it('takes the import it was to run with it', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(1, 20, 7000));
    const jobId = await importJobId(t.database, id);
    await t.database.rows(
      sql`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 day' WHERE id = ${jobId}::uuid`,
    );
    expect(await sweep()).toEqual({ imports: [id], jobs: [jobId] });
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'interrupted', lastCommittedRow: null });
  });
});

describe('several server processes on one PostgreSQL', () => {
  const noServer = !process.env.DATABASE_URL;
  // Two real instances: a second pool whose connections carry another instance id, alive until it is closed.
  it.skipIf(noServer)('leaves a live instance’s import alone, and interrupts it once that instance is gone', async () => {
    const [current] = await t.database.rows<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${current!.name}`;
    // An application_name in the URL must not hide the instance's own.
    url.searchParams.set('application_name', 'from-the-url');
    const otherId = `other-${uuidv7()}`;
    const other: Database = await openPostgres(url.toString(), 2, otherId);
    const id = await startSchoolImport(sikkimSchoolFile(1, 30, 3000));
    await crashImport({ database: other, storage: t.services.storage }, id, { batches: 1, batchSize: 10, instanceId: otherId });
    expect(await liveInstanceIds(t.database)).toContain(otherId);
    expect(await sweep()).toEqual({ imports: [], jobs: [] });
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'running', instanceId: otherId });

    await other.close();
    for (let i = 0; i < 100 && (await liveInstanceIds(t.database))?.has(otherId); i++)
      await new Promise((r) => setTimeout(r, 50));
    const swept = await sweep();
    expect(swept.imports).toEqual([id]);
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'interrupted', lastCommittedRow: 10 });
  });

  it.skipIf(noServer)('takes nobody for dead when its own connections do not show its name (a pooler in between)', async () => {
    const id = await startSchoolImport(sikkimSchoolFile(1, 30, 4000));
    await crashImport(services(), id, { batches: 1, batchSize: 10 });
    const unnamed = { ...t.database, instanceId: `not-on-its-connections-${uuidv7()}` };
    expect(await liveInstanceIds(unnamed)).toBeNull();
    expect(await sweepInterruptedWork({ database: unnamed, jobs: t.services.jobs })).toEqual({
      imports: [],
      jobs: [],
      presenceUnknown: true,
    });
    expect(await findImport(t.database.db, id)).toMatchObject({ status: 'running' });
    expect((await sweep()).imports).toEqual([id]);
  });
});
