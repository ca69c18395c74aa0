import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { completeSections } from '../plans/plan-content.fixture.js';

let t: TestApp;
let focal: Caller;
let officer: Caller;
let outsider: Caller;
let school: { id: string };
let planless: { id: string };
let gangtokId: string;

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  gangtokId = gangtok.id;
  const kochi = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  school = await buildSchool(t.database, { area: gangtok, name: 'GSSS Rumtek', girls: 210, boys: 190 });
  planless = await buildSchool(t.database, { area: gangtok, name: 'GPS Ranka', girls: 20, boys: 22 });
  focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [school.id] })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
  outsider = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [kochi.id] })).email, TEST_PASSWORD);
  const sections = { ...completeSections(), drillSchedule: [{ hazard: 'earthquake', plannedOn: '2026-08-01' }, { hazard: 'flood', plannedOn: '2026-09-01' }] };
  await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { content: sections });
});
afterAll(() => t.close());

const today = new Date().toISOString().slice(0, 10);

function drill(overrides: Record<string, unknown> = {}) {
  return {
    hazard: 'earthquake',
    scenario: 'Magnitude 6 earthquake during the second period',
    startedAt: '2025-02-14T10:30:00+05:30',
    participants: { girls: 200, boys: 190, otherChildren: 0, childrenWithSpecialNeeds: 5, teachers: 18, staff: 4 },
    observers: [{ organisation: 'fire_service', count: 2 }],
    times: { classroomsOutSeconds: 45, assemblyPointSeconds: 200, headcountCompleteSeconds: 320 },
    missingPersons: 0,
    whatWentWrong: [],
    correctiveActions: [],
    ...overrides,
  };
}

interface DrillView {
  id: string;
  version: number;
  openActions: number;
  correctiveActions: { id: string; status: string; completedOn?: string }[];
  evaluation: { passed: boolean; checks: { code: string; met: boolean | null }[] };
}

describe('drills', () => {
  it('records a drill evaluated against the India targets, and a completed corrective action marks the plan section', async () => {
    const action = { description: 'Unlock the second stair door before classes', owner: 'p-teacher', dueOn: '2025-03-01', status: 'open', planSection: 'evacuationRoutes' };
    const slow = await focal.request('POST', `/api/v1/schools/${school.id}/drills`, drill({ times: { classroomsOutSeconds: 90, assemblyPointSeconds: 300 }, correctiveActions: [action] }));
    expect(slow.statusCode).toBe(201);
    const d = slow.json<DrillView>();
    expect(d.evaluation.passed).toBe(false);
    expect(d.evaluation.checks.find((c) => c.code === 'CLASSROOMS_OUT')?.met).toBe(false);
    expect(d.openActions).toBe(1);
    const stored = await t.database.rows<{ classrooms_out_seconds: number; met_targets: boolean; held_on: string }>(
      sql`SELECT classrooms_out_seconds, met_targets, held_on::text FROM drills WHERE id = ${d.id}`,
    );
    expect(stored[0]).toEqual({ classrooms_out_seconds: 90, met_targets: false, held_on: '2025-02-14' });

    const actionId = d.correctiveActions[0]!.id;
    const url = `/api/v1/drills/${d.id}/corrective-actions/${actionId}`;
    const stale = await focal.request('PATCH', url, { status: 'done', version: d.version + 1 });
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const done = await focal.request('PATCH', url, { status: 'done', completedOn: '2025-02-28', version: d.version });
    expect(done.statusCode).toBe(200);
    expect(done.json<DrillView>()).toMatchObject({ openActions: 0, correctiveActions: [{ status: 'done', completedOn: '2025-02-28' }] });
    const plan = (await focal.get(`/api/v1/schools/${school.id}/plan`)).json<{ sectionsNeedingUpdate: string[] }>();
    expect(plan.sectionsNeedingUpdate).toEqual(['evacuationRoutes']);
    const back = await focal.request('PATCH', url, { status: 'open', version: done.json<DrillView>().version });
    expect(back.json()).toMatchObject({ code: 'DRILL_INVALID', errors: [{ code: 'DRILL_ACTION_DONE' }] });

    const fast = await focal.request('POST', `/api/v1/schools/${school.id}/drills`, drill({ startedAt: '2025-08-20T11:00:00+05:30', times: { classroomsOutSeconds: 40, assemblyPointSeconds: 150 } }));
    expect(fast.json<DrillView>().evaluation.passed).toBe(true);
  });

  it('refuses negative and absurd times with each problem listed, saving nothing', async () => {
    const before = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM drills`);
    const r = await focal.request('POST', `/api/v1/schools/${school.id}/drills`, drill({ times: { classroomsOutSeconds: -5, assemblyPointSeconds: 99_999 } }));
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'DRILL_INVALID' });
    expect(r.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toEqual(['DRILL_TIME_NEGATIVE', 'DRILL_TIME_ABSURD']);
    const after = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM drills`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("shows a school's drills with the trend of its times and what is due per hazard of its plan", async () => {
    const r = (await officer.get(`/api/v1/schools/${school.id}/drills`)).json<{
      items: unknown[];
      trend: { assemblyPoint: { points: unknown[]; direction: string } };
      due: { hazard: string; overdue: boolean; lastDrillOn: string | null }[];
    }>();
    expect(r.items).toHaveLength(2);
    expect(r.trend.assemblyPoint.points).toHaveLength(2);
    expect(r.trend.assemblyPoint.direction).toBe('improving');
    expect(r.due.map((d) => d.hazard).sort()).toEqual(['earthquake', 'flood', 'landslide']);
    expect(r.due.find((d) => d.hazard === 'earthquake')).toMatchObject({ lastDrillOn: '2025-08-20', overdue: true });
  });

  it('lists due and overdue drills per school in scope, with earthquake and fire where no plan names hazards', async () => {
    const r = await officer.get(`/api/v1/drills/due?area=${gangtokId}&overdueOnly=true`);
    const items = r.json<{ items: { schoolId: string; hazardsFrom: string; drills: { hazard: string; overdue: boolean }[] }[] }>().items;
    const bare = items.find((i) => i.schoolId === planless.id);
    expect(bare).toMatchObject({ hazardsFrom: 'default', drills: [{ hazard: 'earthquake', overdue: true }, { hazard: 'fire', overdue: true }] });
    expect(items.find((i) => i.schoolId === school.id)?.hazardsFrom).toBe('plan');
    expect((await outsider.get('/api/v1/drills/due')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('shows the trend of drill times across the district, one point a month', async () => {
    const r = (await officer.get(`/api/v1/drills/trend?area=${gangtokId}`)).json<{
      schools: number;
      drills: number;
      assemblyPoint: { points: { on: string; seconds: number }[]; direction: string };
    }>();
    expect(r).toMatchObject({ schools: 1, drills: 2, assemblyPoint: { direction: 'improving', points: [{ on: '2025-02-01', seconds: 300 }, { on: '2025-08-01', seconds: 150 }] } });
    expect((await outsider.get(`/api/v1/drills/trend?area=${gangtokId}`)).json()).toMatchObject({ schools: 0, drills: 0 });
  });

  it('keeps drills within scope: another district sees nothing, a focal point records only at their school', async () => {
    expect((await outsider.get(`/api/v1/schools/${school.id}/drills`)).statusCode).toBe(404);
    expect((await focal.request('POST', `/api/v1/schools/${planless.id}/drills`, drill())).statusCode).toBe(404);
    expect((await officer.request('POST', `/api/v1/schools/${school.id}/drills`, drill())).json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('completes an action at a school without a plan yet, and replays a retried recording instead of doubling it', async () => {
    const admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
    const action = { description: 'Mark the assembly point', owner: 'Head', dueOn: '2026-03-01', status: 'open', planSection: 'assemblyPoints' };
    const headers = { 'idempotency-key': 'drill-retry-0001' };
    const first = await admin.request('POST', `/api/v1/schools/${planless.id}/drills`, drill({ correctiveActions: [action] }), headers);
    const again = await admin.request('POST', `/api/v1/schools/${planless.id}/drills`, drill({ correctiveActions: [action] }), headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const d = first.json<DrillView>();
    expect(again.json<DrillView>().id).toBe(d.id);
    const done = await admin.request('PATCH', `/api/v1/drills/${d.id}/corrective-actions/${d.correctiveActions[0]!.id}`, { status: 'done', version: d.version });
    expect(done.json<DrillView>()).toMatchObject({ openActions: 0, correctiveActions: [{ status: 'done', completedOn: today }] });
    const count = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM drills WHERE school_id = ${planless.id}`);
    expect(count[0]!.n).toBe(1);
  });
});
