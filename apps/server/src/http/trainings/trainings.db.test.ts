import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { completeSections } from '../plans/plan-content.fixture.js';

let t: TestApp;
let focal: Caller;
let outsider: Caller;
let school: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const kochi = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  school = await buildSchool(t.database, { area: gangtok, name: 'GSSS Rumtek', girls: 210, boys: 190 });
  focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [school.id] })).email, TEST_PASSWORD);
  outsider = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [kochi.id] })).email, TEST_PASSWORD);
  // First aid is led by the teacher and joined by the head, so it needs both trained.
  const sections = completeSections() as { taskForces: { type: string; members: unknown[] }[] };
  sections.taskForces.find((f) => f.type === 'first_aid')!.members.push({ kind: 'adult', personId: 'p-head', isLeader: false });
  await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { content: sections });
});
afterAll(() => t.close());

function session(overrides: Record<string, unknown> = {}) {
  return {
    moduleId: 'tf-first-aid',
    heldOn: '2026-04-02',
    facilitator: { name: 'Dr. Meena Pradhan', organisation: 'Red Cross' },
    audience: 'task_force',
    attendeePersonIds: ['p-teacher'],
    participants: { female: 4, male: 3, other: 0, withDisability: 1 },
    preTestAverage: 42,
    postTestAverage: 78,
    ...overrides,
  };
}

type Trainings = { items: { id: string }[]; taskForces: { type: string; status: string; untrainedPersonIds: string[] }[] };
const firstAid = async () => (await focal.get(`/api/v1/schools/${school.id}/training-sessions`)).json<Trainings>().taskForces.find((f) => f.type === 'first_aid');

describe('training', () => {
  it('offers the module catalogue in every language', async () => {
    const r = (await focal.get('/api/v1/training-modules')).json<{ items: { id: string; title: { hi: string } }[] }>();
    expect(r.items.find((m) => m.id === 'tf-first-aid')?.title.hi).toBe('प्राथमिक चिकित्सा');
  });

  it('counts a task force trained once every adult member attended its module', async () => {
    expect(await firstAid()).toMatchObject({ status: 'not_trained', untrainedPersonIds: ['p-teacher', 'p-head'] });
    const first = await focal.request('POST', `/api/v1/schools/${school.id}/training-sessions`, session());
    expect(first.statusCode).toBe(201);
    expect(await firstAid()).toMatchObject({ status: 'not_trained', untrainedPersonIds: ['p-head'] });
    await focal.request('POST', `/api/v1/schools/${school.id}/training-sessions`, session({ heldOn: '2026-05-10', attendeePersonIds: ['p-head'] }));
    expect(await firstAid()).toMatchObject({ status: 'trained', untrainedPersonIds: [] });
    const list = (await focal.get(`/api/v1/schools/${school.id}/training-sessions`)).json<Trainings>();
    expect(list.items).toHaveLength(2);
  });

  it('refuses an unknown module and impossible counts', async () => {
    const r = await focal.request('POST', `/api/v1/schools/${school.id}/training-sessions`, session({ moduleId: 'ghost', participants: { female: 1, male: 0, other: 0, withDisability: 3 } }));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'TRAINING_INVALID' });
    expect(r.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toEqual(['TRAINING_MODULE_UNKNOWN', 'TRAINING_COUNT_INVALID']);
  });

  it('keeps sessions within scope', async () => {
    expect((await outsider.get(`/api/v1/schools/${school.id}/training-sessions`)).statusCode).toBe(404);
    expect((await outsider.request('POST', `/api/v1/schools/${school.id}/training-sessions`, session())).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
