import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let rumtek: { id: string };
let ranka: { id: string };
let kochi: { id: string };
let gangtokId: string;

function drill(schoolId: string, overrides: Record<string, unknown> = {}) {
  return {
    schoolId,
    hazard: 'earthquake',
    scenario: 'Magnitude 6 during the second period',
    startedAt: '2026-02-14T10:30:00+05:30',
    participants: { girls: 20, boys: 19, otherChildren: 0, childrenWithSpecialNeeds: 1, teachers: 4, staff: 1 },
    observers: [],
    times: { classroomsOutSeconds: 45, assemblyPointSeconds: 200 },
    missingPersons: 0,
    whatWentWrong: [],
    ...overrides,
  };
}

type DrillPage = { items: { id: string; schoolId: string; hazard: string; heldOn: string; deletedAt: string | null }[]; nextCursor: string | null; syncCursor: string };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const east = await buildArea(t.database, { name: 'Gangtok East', level: 'block', parent: gangtok });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  gangtokId = gangtok.id;
  rumtek = await buildSchool(t.database, { area: east, name: 'GSSS Rumtek' });
  ranka = await buildSchool(t.database, { area: gangtok, name: 'GPS Ranka' });
  kochi = await buildSchool(t.database, { area: ernakulam, name: 'GHSS Kochi' });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
  for (const body of [
    drill(rumtek.id),
    drill(rumtek.id, { hazard: 'fire', startedAt: '2026-05-02T09:00:00+05:30' }),
    drill(ranka.id, { startedAt: '2026-08-20T11:00:00+05:30' }),
    drill(kochi.id),
  ]) {
    expect((await admin.request('POST', '/api/v1/drills', body)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('POST /api/v1/drills', () => {
  it('records at the school in the body with the per-school use case, once per client id', async () => {
    const id = uuidv7();
    const focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [ranka.id] })).email, TEST_PASSWORD);
    const first = await focal.request('POST', '/api/v1/drills', drill(ranka.id, { id, hazard: 'flood', startedAt: '2026-09-01T10:00:00+05:30' }), { 'idempotency-key': `drill-${id}` });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, schoolId: ranka.id, version: 1, evaluation: { passed: true } });
    const replay = await focal.request('POST', '/api/v1/drills', drill(ranka.id, { id, hazard: 'flood', startedAt: '2026-09-01T10:00:00+05:30' }), { 'idempotency-key': `drill-${id}` });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    // The same client id without the key is a conflict, never a second row.
    expect((await focal.request('POST', '/api/v1/drills', drill(ranka.id, { id }))).statusCode).toBe(409);
    expect((await focal.request('POST', '/api/v1/drills', drill(rumtek.id))).statusCode).toBe(404);
    expect((await focal.request('POST', '/api/v1/drills', drill(ranka.id, { times: { classroomsOutSeconds: -5 } }))).json()).toMatchObject({ code: 'DRILL_INVALID' });
    await t.database.execScript(`DELETE FROM drills WHERE id = '${id}'`);
  });
});

describe('GET /api/v1/drills', () => {
  it('lists the drills within scope, filtered by area, school, hazard and dates', async () => {
    const all = (await officer.get('/api/v1/drills')).json<DrillPage>();
    expect(all.items.map((d) => d.schoolId).sort()).toEqual([rumtek.id, rumtek.id, ranka.id].sort());
    expect(all.nextCursor).toBeNull();
    const ids = (q: string) => officer.get(`/api/v1/drills?${q}`).then((r) => r.json<DrillPage>().items.map((d) => `${d.hazard}@${d.heldOn}`).sort());
    expect(await ids(`school=${rumtek.id}`)).toEqual(['earthquake@2026-02-14', 'fire@2026-05-02']);
    expect(await ids('hazard=fire')).toEqual(['fire@2026-05-02']);
    expect(await ids('from=2026-05-02&to=2026-08-19')).toEqual(['fire@2026-05-02']);
    expect(await ids(`area=${gangtokId}&from=2026-05-03`)).toEqual(['earthquake@2026-08-20']);
    expect(await ids(`school=${kochi.id}`)).toEqual([]);
    expect((await officer.get('/api/v1/drills?from=14-02-2026')).statusCode).toBe(400);
  });

  it('pages by cursor without repeating or skipping a drill', async () => {
    const seen: string[] = [];
    let url = '/api/v1/drills?limit=2';
    for (;;) {
      const page = (await admin.get(url)).json<DrillPage>();
      seen.push(...page.items.map((d) => d.id));
      if (!page.nextCursor) break;
      url = `/api/v1/drills?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('gives the changes after a sync cursor, deletions included, and nothing of schools out of scope', async () => {
    const { syncCursor } = (await officer.get('/api/v1/drills')).json<DrillPage>();
    expect((await officer.get(`/api/v1/drills?since=${syncCursor}`)).json<DrillPage>().items).toEqual([]);
    const later = drill(ranka.id, { hazard: 'cyclone', startedAt: '2026-10-01T10:00:00+05:30' });
    const added = (await admin.request('POST', '/api/v1/drills', later)).json<{ id: string }>();
    await admin.request('POST', '/api/v1/drills', drill(kochi.id, { hazard: 'cyclone' }));
    const [gone] = (await officer.get(`/api/v1/drills?school=${rumtek.id}&hazard=fire`)).json<DrillPage>().items;
    await t.database.db.execute(sql`UPDATE drills SET deleted_at = now(), version = version + 1 WHERE id = ${gone!.id}`);
    const changes = (await officer.get(`/api/v1/drills?since=${syncCursor}`)).json<DrillPage>();
    expect(changes.items.map((d) => [d.id, d.deletedAt !== null])).toEqual([
      [added.id, false],
      [gone!.id, true],
    ]);
    expect((await officer.get(`/api/v1/drills?since=${changes.syncCursor}`)).json<DrillPage>().items).toEqual([]);
    expect((await officer.get('/api/v1/drills?since=not-a-cursor')).json()).toMatchObject({ code: 'CURSOR_INVALID' });
  });
});
