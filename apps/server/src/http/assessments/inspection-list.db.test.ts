import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { buildListPlaces, readAllPages, type ListPlaces } from './list-test-setup.js';

let t: TestApp;
let places: ListPlaces;

type InspectionPage = { items: { id: string; schoolId: string; safetyLevel: string; intervention: string; record: { inspectedOn: string }; deletedAt: string | null }[]; nextCursor: string | null; syncCursor: string };

const item = (id: string, section: string, rating: 1 | 2 | 3 | 4) => ({ id, section, rating, photoFileIds: [] });
const adequate = [item('slope_stability', 'site', 1), item('structural_system', 'structure', 1), item('soft_storey', 'local_weaknesses', 1), item('electrical', 'non_structural', 1), item('exits_and_stairs', 'functional', 1)];

/** Records an inspection of one building; a critical foundation makes it S4, an adequate building S1. */
async function inspect(schoolId: string, inspectedOn: string, critical: boolean): Promise<string> {
  const id = uuidv7();
  const items = critical ? [...adequate.filter((a) => a.id !== 'structural_system'), item('foundation', 'structure', 4)] : adequate;
  const body = { schoolId, buildingName: 'Main block', inspectedOn, inspector: { name: 'Er. P. Sharma', qualification: 'B.E. Civil' }, floorAreaM2: 400, storeys: 2, items };
  const r = await places.admin.request('PUT', `/api/v1/inspections/${id}`, body);
  expect(r.statusCode, r.body).toBe(201);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  places = await buildListPlaces(t);
  await inspect(places.rumtek.id, '2026-02-14', true);
  await inspect(places.rumtek.id, '2026-05-02', false);
  await inspect(places.ranka.id, '2026-08-20', true);
  await inspect(places.kochi.id, '2026-02-14', true);
});
afterAll(() => t.close());

describe('GET /api/v1/inspections', () => {
  it('lists the inspections within scope, filtered by area, school, safety level and dates', async () => {
    const all = (await places.officer.get('/api/v1/inspections')).json<InspectionPage>();
    expect(all.items.map((i) => i.schoolId).sort()).toEqual([places.rumtek.id, places.rumtek.id, places.ranka.id].sort());
    expect(all.nextCursor).toBeNull();
    const ids = (q: string) => places.officer.get(`/api/v1/inspections?${q}`).then((r) => r.json<InspectionPage>().items.map((i) => `${i.safetyLevel}@${i.record.inspectedOn}`).sort());
    expect(await ids(`school=${places.rumtek.id}`)).toEqual(['S1@2026-05-02', 'S4@2026-02-14']);
    expect(await ids('safetyLevel=S4')).toEqual(['S4@2026-02-14', 'S4@2026-08-20']);
    expect(await ids('from=2026-05-02&to=2026-08-19')).toEqual(['S1@2026-05-02']);
    expect(await ids(`area=${places.eastId}&to=2026-02-14`)).toEqual(['S4@2026-02-14']);
    expect(await ids(`school=${places.kochi.id}`)).toEqual([]);
    expect((await places.officer.get('/api/v1/inspections?safetyLevel=S9')).statusCode).toBe(400);
    expect((await places.officer.get('/api/v1/inspections?to=2026-13-01')).statusCode).toBe(400);
  });

  it('pages by cursor without repeating or skipping an inspection', async () => {
    const seen = await readAllPages(places.admin, '/api/v1/inspections', 2);
    expect(seen).toHaveLength(4);
  });

  it('gives the changes after a sync cursor, deletions included, and nothing of schools out of scope', async () => {
    const { syncCursor, items } = (await places.officer.get(`/api/v1/inspections?school=${places.rumtek.id}&safetyLevel=S1`)).json<InspectionPage>();
    expect((await places.officer.get(`/api/v1/inspections?since=${syncCursor}`)).json<InspectionPage>().items).toEqual([]);
    const added = await inspect(places.ranka.id, '2026-10-01', false);
    await inspect(places.kochi.id, '2026-10-01', false);
    const gone = items[0]!.id;
    await t.database.db.execute(sql`UPDATE inspections SET deleted_at = now(), version = version + 1 WHERE id = ${gone}`);
    const changes = (await places.officer.get(`/api/v1/inspections?since=${syncCursor}`)).json<InspectionPage>();
    expect(changes.items.map((i) => [i.id, i.deletedAt !== null])).toEqual([
      [added, false],
      [gone, true],
    ]);
    expect((await places.officer.get(`/api/v1/inspections?since=${changes.syncCursor}`)).json<InspectionPage>().items).toEqual([]);
    expect((await places.officer.get(`/api/v1/inspections?school=${places.rumtek.id}`)).json<InspectionPage>().items.map((i) => i.id)).not.toContain(gone);
    expect((await places.officer.get('/api/v1/inspections?since=not-a-cursor')).json()).toMatchObject({ code: 'CURSOR_INVALID' });
  });
});
