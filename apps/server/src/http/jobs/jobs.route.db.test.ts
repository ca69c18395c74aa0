import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let owner: Caller;
let neighbour: Caller;
let admin: Caller;
let viewer: Caller;
let jobId: string;

beforeAll(async () => {
  t = await createTestApp({
    startJobs: true,
    registerJobs: (jobs) =>
      jobs.register<{ rows: number }>('t-import', async ({ rows }, ctx) => {
        await ctx.progress(0.5, 'half way');
        return { imported: rows };
      }),
  });
  const o = await buildUser(t.database, { role: 'district_officer' });
  owner = await t.signIn(o.email, TEST_PASSWORD);
  const signIn = async (role: 'district_officer' | 'administrator' | 'viewer') => {
    const user = await buildUser(t.database, { role });
    return t.signIn(user.email, TEST_PASSWORD);
  };
  neighbour = await signIn('district_officer');
  admin = await signIn('administrator');
  viewer = await signIn('viewer');
  jobId = await t.services.jobs.enqueue('t-import', { rows: 12 }, { ownerId: o.id });
  const state = async () =>
    (await t.database.rows<{ state: string }>(sql`SELECT state FROM job_progress WHERE id = ${jobId}`))[0]?.state;
  for (let i = 0; i < 200 && (await state()) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/jobs/:id', () => {
  it('shows its owner the outcome, through the allow-list', async () => {
    const r = await owner.get(`/api/v1/jobs/${jobId}`);
    expect(r.statusCode).toBe(200);
    const body = r.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      id: jobId,
      kind: 't-import',
      state: 'completed',
      progress: 1,
      result: { imported: 12 },
      error: null,
    });
    expect(Object.keys(body).sort()).toEqual([
      'createdAt',
      'error',
      'id',
      'kind',
      'message',
      'progress',
      'result',
      'state',
      'updatedAt',
    ]);
  });

  it('shows administrators every job', async () => {
    expect((await admin.get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(200);
  });

  it('answers NOT_FOUND to anyone else, exactly as for a job that does not exist', async () => {
    const other = await neighbour.get(`/api/v1/jobs/${jobId}`);
    const missing = await neighbour.get(`/api/v1/jobs/${uuidv7()}`);
    expect([other.statusCode, other.json<{ code: string }>().code]).toEqual([404, 'NOT_FOUND']);
    expect([missing.statusCode, missing.json<{ code: string }>().code]).toEqual([404, 'NOT_FOUND']);
  });

  it('needs sign-in and the jobs.read permission', async () => {
    expect((await t.anonymous.get(`/api/v1/jobs/${jobId}`)).statusCode).toBe(401);
    expect((await viewer.get(`/api/v1/jobs/${jobId}`)).json<{ code: string }>().code).toBe('FORBIDDEN');
  });
});
