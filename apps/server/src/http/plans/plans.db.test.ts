import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { completeSections } from './plan-content.fixture.js';

let t: TestApp;
let focal: Caller;
let officer: Caller;
let outsider: Caller;
let school: { id: string; name: string };
let otherSchool: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const kochi = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  school = await buildSchool(t.database, { area: gangtok, name: 'GSSS Rumtek', code: '11040100101', girls: 210, boys: 190 });
  otherSchool = await buildSchool(t.database, { area: gangtok, name: 'GPS Ranka' });
  const f = await buildUser(t.database, { role: 'school_focal_point', schoolIds: [school.id] });
  focal = await t.signIn(f.email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
  outsider = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [kochi.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

interface PlanView {
  id: string;
  version: number;
  status: string;
  planVersion: number;
  reviewDueOn: string | null;
  returnComments: string | null;
  content: { profile: Record<string, unknown>; people: unknown[] };
  problems: { code: string }[];
}
const plan = (r: { json: <T>() => T }) => r.json<PlanView>();
const codes = (r: { json: <T>() => T }) => r.json<{ errors?: { code: string }[] }>().errors?.map((e) => e.code) ?? [];
const move = (caller: Caller, id: string, version: number, action: string, comments?: string) =>
  caller.request('POST', `/api/v1/plans/${id}/transitions`, { action, version, ...(comments ? { comments } : {}) });
const today = new Date().toISOString().slice(0, 10);

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY at, id`);
  return rows.map((r) => r.action);
}

describe('the school disaster management plan', () => {
  it('goes from an empty draft with the registry profile to an approved plan with a review date', async () => {
    expect((await focal.get(`/api/v1/schools/${school.id}/plan`)).json()).toMatchObject({ code: 'PLAN_NOT_FOUND' });
    const created = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, {});
    expect(created.statusCode).toBe(200);
    let p = plan(created);
    expect(p).toMatchObject({ status: 'draft', version: 1, planVersion: 1 });
    expect(p.content.profile).toMatchObject({ schoolId: school.id, name: 'GSSS Rumtek', udiseCode: '11040100101', students: { girls: 210, boys: 190, other: 0 } });
    expect(p.problems.map((x) => x.code)).toContain('PLAN_SECTION_EMPTY');

    const edited = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { version: 1, content: completeSections() });
    p = plan(edited);
    expect(p.version).toBe(2);
    expect(p.content.profile).toMatchObject({ name: 'GSSS Rumtek', childrenWithSpecialNeeds: 3 });
    expect(p.problems).toEqual([]);
    const stale = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { version: 1, content: { resources: [] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });

    expect((await move(officer, p.id, p.version, 'submit')).json()).toMatchObject({ code: 'FORBIDDEN' });
    const submitted = plan(await move(focal, p.id, p.version, 'submit'));
    expect(submitted.status).toBe('submitted');
    const locked = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { version: submitted.version, content: { resources: [] } });
    expect(locked.json()).toMatchObject({ code: 'PLAN_NOT_EDITABLE' });
    expect((await move(focal, p.id, submitted.version, 'approve')).json()).toMatchObject({ code: 'FORBIDDEN' });

    const noComments = await move(officer, p.id, submitted.version, 'return');
    expect(noComments.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = plan(await move(officer, p.id, submitted.version, 'return', 'Add the fire station of Ranipool'));
    expect(returned).toMatchObject({ status: 'returned', returnComments: 'Add the fire station of Ranipool' });
    const reopened = plan(await move(focal, p.id, returned.version, 'reopen'));
    const resubmitted = plan(await move(focal, p.id, reopened.version, 'submit'));
    const approved = await move(officer, p.id, resubmitted.version, 'approve');
    expect(approved.statusCode).toBe(200);
    const a = plan(approved);
    const due = new Date();
    due.setUTCFullYear(due.getUTCFullYear() + 1);
    expect(a).toMatchObject({ status: 'approved', returnComments: null });
    expect(a.reviewDueOn?.slice(0, 7)).toBe(due.toISOString().slice(0, 7));
    const versions = await t.database.rows<{ plan_version: number; approved_on: string }>(sql`SELECT plan_version, approved_on::text FROM sdm_plan_versions WHERE plan_id = ${p.id}`);
    expect(versions).toEqual([{ plan_version: 1, approved_on: today }]);
    expect(await auditActions(p.id)).toEqual(['plan.create', 'plan.update', 'plan.submit', 'plan.return', 'plan.reopen', 'plan.submit', 'plan.approve']);

    const revised = plan(await move(focal, p.id, a.version, 'revise'));
    expect(revised).toMatchObject({ status: 'draft', planVersion: 2 });
  });

  it('refuses submission with each problem listed: search and rescue for teachers only, one team per bus', async () => {
    const other = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [otherSchool.id] })).email, TEST_PASSWORD);
    const sections = completeSections() as { taskForces: { type: string; members: unknown[] }[]; profile: Record<string, unknown> };
    const rescue = sections.taskForces.find((f) => f.type === 'search_rescue')!;
    rescue.members.push({ kind: 'adult', personId: 'p-parent', isLeader: false }, { kind: 'students', count: 3 });
    sections.profile.buses = [{ id: 'bus-1', registration: 'SK-01-1234' }, { id: 'bus-2', registration: 'SK-01-9999' }];
    sections.profile.students = { girls: 40, boys: 38, other: 0 };
    const p = plan(await other.request('PUT', `/api/v1/schools/${otherSchool.id}/plan`, { content: sections }));
    const refused = await move(other, p.id, p.version, 'submit');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'PLAN_INCOMPLETE' });
    expect(codes(refused).sort()).toEqual(['PLAN_BUS_TEAM_MISSING', 'PLAN_SAR_MEMBER_NOT_TEACHER', 'PLAN_SAR_MEMBER_NOT_TEACHER']);
    const rescueProblem = refused.json<{ errors: { code: string; path: string; message: string }[] }>().errors.find((e) => e.code === 'PLAN_SAR_MEMBER_NOT_TEACHER');
    expect(rescueProblem?.path).toBe('taskForces.tf-search_rescue');
    expect(rescueProblem?.message).toMatch(/teacher/);
    expect((await other.get(`/api/v1/schools/${otherSchool.id}/plan`)).json()).toMatchObject({ status: 'draft', version: p.version });
  });

  it('never stores a child by name', async () => {
    const p = plan(await focal.get(`/api/v1/schools/${school.id}/plan`));
    const committee = [{ member: { kind: 'students', count: 1, name: 'Asha Rai' }, position: 'member', inCoreTeam: false }];
    const refused = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { version: p.version, content: { committee } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'PLAN_INVALID' });
    expect(codes(refused)).toEqual(['PLAN_STUDENT_IDENTIFIED']);
    const student = await focal.request('PUT', `/api/v1/schools/${school.id}/plan`, { version: p.version, content: { people: [{ id: 'c1', name: 'Asha Rai', role: 'student' }] } });
    expect(student.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const stored = await t.database.rows<{ content: string }>(sql`SELECT content::text FROM sdm_plans WHERE id = ${p.id}`);
    expect(stored[0]!.content).not.toContain('Asha');
  });

  it('refuses approval by the person who submitted', async () => {
    const school3 = await buildSchool(t.database, { area: (await buildArea(t.database, { name: 'East Sikkim', level: 'country' })), name: 'GPS Martam', girls: 30, boys: 28 });
    const u = await buildUser(t.database, { role: 'school_focal_point', schoolIds: [school3.id] });
    const caller = await t.signIn(u.email, TEST_PASSWORD);
    const p = plan(await caller.request('PUT', `/api/v1/schools/${school3.id}/plan`, { content: completeSections() }));
    const submitted = plan(await move(caller, p.id, p.version, 'submit'));
    // The same person, later made an officer, still may not approve their own submission.
    await t.database.rows(sql`UPDATE users SET role = 'district_officer' WHERE id = ${u.id}`);
    const self = await move(caller, p.id, submitted.version, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'PLAN_SELF_APPROVAL' });
  });

  it('lists plans for officers with review dates, overdue ones on request, within scope only', async () => {
    const p = plan(await officer.get(`/api/v1/schools/${school.id}/plan`));
    await t.database.rows(sql`UPDATE sdm_plans SET review_due_on = '2020-01-31' WHERE id = ${p.id}`);
    const overdue = await officer.get('/api/v1/plans?reviewOverdue=true');
    expect(overdue.json<{ items: { schoolId: string; schoolName: string; reviewOverdue: boolean }[] }>().items).toEqual([
      expect.objectContaining({ schoolId: school.id, schoolName: 'GSSS Rumtek', reviewOverdue: true, reviewDueOn: '2020-01-31' }),
    ]);
    const drafts = await officer.get('/api/v1/plans?status=draft&limit=500');
    expect(drafts.json<{ items: { schoolId: string }[] }>().items.map((i) => i.schoolId)).toContain(otherSchool.id);
    expect((await outsider.get('/api/v1/plans')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('hides plans of schools out of scope, and a focal point cannot write another school', async () => {
    const p = plan(await officer.get(`/api/v1/schools/${school.id}/plan`));
    expect((await outsider.get(`/api/v1/schools/${school.id}/plan`)).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await outsider.request('POST', `/api/v1/plans/${p.id}/transitions`, { action: 'return', comments: 'x', version: p.version })).statusCode).toBe(404);
    const write = await focal.request('PUT', `/api/v1/schools/${otherSchool.id}/plan`, { content: {} });
    expect(write.statusCode).toBe(404);
    expect(write.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('prints the plan as a PDF in Hindi for those who may see it', async () => {
    const p = plan(await officer.get(`/api/v1/schools/${school.id}/plan`));
    const r = await officer.get(`/api/v1/plans/${p.id}/pdf?lang=hi`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain('school-plan-11040100101-v2-hi.pdf');
    expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await outsider.get(`/api/v1/plans/${p.id}/pdf`)).statusCode).toBe(404);
  }, 60_000);
});
