import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let rumtek: { id: string };
let kochi: { id: string };

function session(schoolId: string, overrides: Record<string, unknown> = {}) {
  return {
    schoolId,
    moduleId: 'tf-first-aid',
    heldOn: '2026-04-02',
    facilitator: { name: 'Dr. P. Lepcha', organisation: 'District hospital' },
    audience: 'teachers',
    attendeePersonIds: [],
    participants: { female: 6, male: 4, other: 0, withDisability: 1 },
    ...overrides,
  };
}

type SessionPage = { items: { id: string; schoolId: string; moduleId: string; heldOn: string }[]; nextCursor: string | null; syncCursor: string };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  rumtek = await buildSchool(t.database, { area: gangtok, name: 'GSSS Rumtek' });
  kochi = await buildSchool(t.database, { area: ernakulam, name: 'GHSS Kochi' });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
  for (const body of [session(rumtek.id), session(rumtek.id, { moduleId: 'tf-evacuation', heldOn: '2026-06-10' }), session(kochi.id)]) {
    expect((await admin.request('POST', '/api/v1/trainings', body)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('training sessions across schools', () => {
  it('records a session at the school in the body, validated by the same use case, once per client id', async () => {
    const focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [rumtek.id] })).email, TEST_PASSWORD);
    const id = uuidv7();
    const first = await focal.request('POST', '/api/v1/trainings', session(rumtek.id, { id, heldOn: '2026-07-01' }));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, schoolId: rumtek.id, moduleId: 'tf-first-aid', version: 1 });
    expect((await focal.request('POST', '/api/v1/trainings', session(rumtek.id, { id, heldOn: '2026-07-01' }))).statusCode).toBe(409);
    expect((await focal.request('POST', '/api/v1/trainings', session(kochi.id))).statusCode).toBe(404);
    expect((await focal.request('POST', '/api/v1/trainings', session(rumtek.id, { moduleId: 'no-such-module' }))).json()).toMatchObject({ code: 'TRAINING_INVALID' });
  });

  it('lists sessions within scope by module and dates, and the changes after a sync cursor', async () => {
    const list = (q = '') => officer.get(`/api/v1/trainings${q}`).then((r) => r.json<SessionPage>());
    const all = await list();
    expect(all.items.every((s) => s.schoolId === rumtek.id)).toBe(true);
    expect(all.items.map((s) => s.heldOn).sort()).toEqual(['2026-04-02', '2026-06-10', '2026-07-01']);
    expect((await list('?module=tf-evacuation')).items.map((s) => s.heldOn)).toEqual(['2026-06-10']);
    expect((await list('?from=2026-05-01&to=2026-06-30')).items.map((s) => s.moduleId)).toEqual(['tf-evacuation']);
    expect((await list(`?school=${kochi.id}`)).items).toEqual([]);
    const added = (await admin.request('POST', '/api/v1/trainings', session(rumtek.id, { heldOn: '2026-09-09' }))).json<{ id: string }>();
    await admin.request('POST', '/api/v1/trainings', session(kochi.id, { heldOn: '2026-09-09' }));
    expect((await list(`?since=${all.syncCursor}`)).items.map((s) => s.id)).toEqual([added.id]);
  });
});
