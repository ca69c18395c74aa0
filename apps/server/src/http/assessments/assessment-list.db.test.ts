import { schoolSafetyInstrument as def } from '@safeschools/domain';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFor } from '../../testing/instrument-answers.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { buildListPlaces, readAllPages, type ListPlaces } from './list-test-setup.js';

let t: TestApp;
let places: ListPlaces;
const made: Record<string, string> = {};

type AssessmentPage = {
  items: { id: string; schoolId: string; status: string; report: unknown; triage: unknown; ranks: unknown[]; deletedAt: string | null }[];
  nextCursor: string | null;
  syncCursor: string;
};

async function save(schoolId: string, submit: boolean): Promise<string> {
  const id = uuidv7();
  const answers = submit ? answersFor(def, 'best') : { p1_cracks: 'no' };
  const r = await places.admin.request('PUT', `/api/v1/assessments/${id}`, { schoolId, instrumentId: def.id, instrumentVersion: def.version, answers, submit });
  expect(r.statusCode, r.body).toBe(201);
  return id;
}

/** Puts an assessment on a known day: the server stamps the real time, the filters read the UTC day. */
async function place(id: string, createdAt: string, submittedAt: string | null) {
  await t.database.db.execute(sql`UPDATE assessments SET created_at = ${createdAt}::timestamptz, submitted_at = ${submittedAt}::timestamptz WHERE id = ${id}`);
}

beforeAll(async () => {
  t = await createTestApp();
  places = await buildListPlaces(t);
  made.rumtekDraft = await save(places.rumtek.id, false);
  made.rumtekSubmitted = await save(places.rumtek.id, true);
  made.rankaDraft = await save(places.ranka.id, false);
  made.kochiSubmitted = await save(places.kochi.id, true);
  await place(made.rumtekDraft, '2026-01-05T08:00:00Z', null);
  // Started in January, submitted late on 10 March UTC (already 11 March in India): it counts for 10 March.
  await place(made.rumtekSubmitted, '2026-01-20T08:00:00Z', '2026-03-10T23:30:00Z');
  await place(made.rankaDraft, '2026-06-01T08:00:00Z', null);
  await place(made.kochiSubmitted, '2026-03-01T08:00:00Z', '2026-03-02T08:00:00Z');
});
afterAll(() => t.close());

const name = (id: string) => Object.entries(made).find(([, v]) => v === id)?.[0];

describe('GET /api/v1/assessments', () => {
  it('lists the assessments within scope, filtered by area, school, status and the day they count for', async () => {
    const ids = (q: string) => places.officer.get(`/api/v1/assessments?${q}`).then((r) => r.json<AssessmentPage>().items.map((a) => name(a.id)).sort());
    expect(await ids('')).toEqual(['rankaDraft', 'rumtekDraft', 'rumtekSubmitted']);
    expect(await ids(`school=${places.rumtek.id}`)).toEqual(['rumtekDraft', 'rumtekSubmitted']);
    expect(await ids('status=draft')).toEqual(['rankaDraft', 'rumtekDraft']);
    expect(await ids('status=submitted')).toEqual(['rumtekSubmitted']);
    expect(await ids(`area=${places.eastId}`)).toEqual(['rumtekDraft', 'rumtekSubmitted']);
    expect(await ids('from=2026-02-01&to=2026-03-10')).toEqual(['rumtekSubmitted']);
    expect(await ids('to=2026-03-09')).toEqual(['rumtekDraft']);
    expect(await ids('from=2026-03-11')).toEqual(['rankaDraft']);
    expect(await ids(`school=${places.kochi.id}`)).toEqual([]);
    expect((await places.officer.get('/api/v1/assessments?status=approved')).statusCode).toBe(400);
    expect((await places.officer.get('/api/v1/assessments?from=10-03-2026')).statusCode).toBe(400);
  });

  it('shows the report and triage of a submitted assessment and no ranks', async () => {
    const [submitted] = (await places.officer.get('/api/v1/assessments?status=submitted')).json<AssessmentPage>().items;
    expect(submitted).toMatchObject({ id: made.rumtekSubmitted, status: 'submitted', triage: { flagged: false }, ranks: [] });
    expect(submitted!.report).toMatchObject({ instrumentId: def.id });
    const [draft] = (await places.officer.get(`/api/v1/assessments?status=draft&school=${places.rumtek.id}`)).json<AssessmentPage>().items;
    expect(draft).toMatchObject({ id: made.rumtekDraft, report: null, triage: null });
  });

  it('pages by cursor without repeating or skipping an assessment', async () => {
    const seen = await readAllPages(places.admin, '/api/v1/assessments', 3);
    expect(seen.sort()).toEqual(Object.values(made).sort());
  });

  it('gives the changes after a sync cursor, deletions included, and nothing of schools out of scope', async () => {
    const { syncCursor } = (await places.officer.get('/api/v1/assessments')).json<AssessmentPage>();
    expect((await places.officer.get(`/api/v1/assessments?since=${syncCursor}`)).json<AssessmentPage>().items).toEqual([]);
    const added = await save(places.ranka.id, true);
    await save(places.kochi.id, false);
    await t.database.db.execute(sql`UPDATE assessments SET deleted_at = now(), version = version + 1 WHERE id = ${made.rankaDraft!}`);
    const changes = (await places.officer.get(`/api/v1/assessments?since=${syncCursor}`)).json<AssessmentPage>();
    expect(changes.items.map((a) => [a.id, a.deletedAt !== null])).toEqual([
      [added, false],
      [made.rankaDraft, true],
    ]);
    expect((await places.officer.get(`/api/v1/assessments?since=${changes.syncCursor}`)).json<AssessmentPage>().items).toEqual([]);
    // A deleted assessment leaves the paged list.
    expect((await places.officer.get(`/api/v1/assessments?school=${places.ranka.id}`)).json<AssessmentPage>().items.map((a) => a.id)).toEqual([added]);
    expect((await places.officer.get('/api/v1/assessments?since=not-a-cursor')).json()).toMatchObject({ code: 'CURSOR_INVALID' });
  });
});
