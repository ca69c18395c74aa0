import { schoolSafetyInstrument } from '@safeschools/domain';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { answersFor } from '../../testing/instrument-answers.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let officer: Caller;
let otherOfficer: Caller;
let district: { id: string; path: string[] };
const schools: Record<string, string> = {};

const pg = (ids: string[]) => `{${ids.join(',')}}`;
const item = (id: string, section: string, rating: 1 | 2 | 3 | 4) => ({ id, section, rating, photoFileIds: [] });
// Every section rated adequate on one item, then the findings of the case on top.
const adequate = [item('slope_stability', 'site', 1), item('structural_system', 'structure', 1), item('soft_storey', 'local_weaknesses', 1), item('electrical', 'non_structural', 1), item('exits_and_stairs', 'functional', 1)];
const inspection = (schoolId: string, findings: ReturnType<typeof item>[], extra: Record<string, unknown> = {}) => ({
  schoolId,
  buildingName: 'Main block',
  inspectedOn: '2026-10-01',
  inspector: { name: 'Er. P. Sharma', qualification: 'B.E. Civil, structural' },
  floorAreaM2: 400,
  storeys: 2,
  items: [...adequate.filter((a) => !findings.some((f) => f.id === a.id)), ...findings],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  district = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const other = await buildArea(t.database, { name: 'Namchi', level: 'district', parent: sikkim });
  schools.big = (await buildSchool(t.database, { area: district, name: 'Big School', girls: 300, boys: 300 })).id;
  schools.small = (await buildSchool(t.database, { area: district, name: 'Small School', girls: 20, boys: 20 })).id;
  schools.mid = (await buildSchool(t.database, { area: district, name: 'Mid School', girls: 100, boys: 100 })).id;
  schools.other = (await buildSchool(t.database, { area: other, name: 'Namchi School', girls: 50, boys: 50 })).id;
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [district.id] })).email, TEST_PASSWORD);
  otherOfficer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [other.id] })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('technical inspections', () => {
  it('derive a safety level and intervention, and can be corrected with the version read', async () => {
    const id = uuidv7();
    const r = await officer.request('PUT', `/api/v1/inspections/${id}`, inspection(schools.big!, [item('foundation', 'structure', 4), item('glazing', 'non_structural', 2)]));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ safetyLevel: 'S4', colour: 'red', intervention: 'replace', version: 1 });
    const fixed = await officer.request('PUT', `/api/v1/inspections/${id}`, inspection(schools.big!, [item('short_columns', 'local_weaknesses', 3)], { version: 1 }));
    expect(fixed.json()).toMatchObject({ version: 2, safetyLevel: 'S3' });
    expect((await officer.request('PUT', `/api/v1/inspections/${id}`, inspection(schools.big!, [], { version: 1 }))).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const list = (await officer.get(`/api/v1/schools/${schools.big}/inspections`)).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).toEqual([id]);
  });

  it('refuses a record that breaks the rules, and schools outside the officer’s district', async () => {
    const bad = await officer.request('PUT', `/api/v1/inspections/${uuidv7()}`, { ...inspection(schools.small!, []), items: [item('foundation', 'structure', 2)] });
    expect(bad.json()).toMatchObject({ code: 'INSPECTION_INVALID' });
    expect(bad.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toContain('INSPECTION_SECTION_NOT_RATED');
    expect((await otherOfficer.request('PUT', `/api/v1/inspections/${uuidv7()}`, inspection(schools.big!, []))).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/v1/schools/${schools.big}/inspections`)).statusCode).toBe(404);
  });

  it('choose the buildings to fix within a budget, most children made safer per rupee, never over budget', async () => {
    await officer.request('PUT', `/api/v1/inspections/${uuidv7()}`, inspection(schools.mid!, [item('parapets_chimneys', 'non_structural', 3)]));
    const all = (await officer.get('/api/v1/priority-list?budget=1000000000')).json<{ items: { schoolName: string; cost: number }[]; totalCost: number; candidates: number }>();
    expect(all.candidates).toBeGreaterThanOrEqual(2);
    expect(all.items.map((i) => i.schoolName).sort()).toEqual(expect.arrayContaining(['Big School', 'Mid School']) as unknown);
    const cheapest = Math.min(...all.items.map((i) => i.cost));
    const tight = (await officer.get(`/api/v1/priority-list?budget=${cheapest}`)).json<{ items: { cost: number }[]; totalCost: number }>();
    expect(tight.totalCost).toBeLessThanOrEqual(cheapest);
    expect(tight.items).toHaveLength(1);
    expect((await otherOfficer.get('/api/v1/priority-list?budget=1000000000')).json()).toMatchObject({ items: [], candidates: 0 });
  });

  it('leave out, and count apart, the buildings of schools without an enrolment: the children made safer are unknown', async () => {
    const sikkim = (await t.database.rows<{ id: string; path: string[] }>(sql`SELECT id, path FROM areas WHERE name = 'Sikkim'`))[0]!;
    const mangan = await buildArea(t.database, { name: 'Mangan', level: 'district', parent: sikkim });
    const unrecorded = (await buildSchool(t.database, { area: mangan, name: 'Mangan Primary' })).id;
    const manganOfficer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [mangan.id] })).email, TEST_PASSWORD);
    await manganOfficer.request('PUT', `/api/v1/inspections/${uuidv7()}`, inspection(unrecorded, [item('foundation', 'structure', 4)]));
    const list = (await manganOfficer.get('/api/v1/priority-list?budget=1000000000')).json<Record<string, unknown>>();
    expect(list).toMatchObject({ items: [], candidates: 1, candidatesWithoutEnrolment: 1 });
  });
});

describe('the readiness dashboard', () => {
  it('counts approved plans, recent drills, trained task forces, scores and flags for the district', async () => {
    const admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
    const def = schoolSafetyInstrument;
    const submit = (schoolId: string, mode: 'best' | 'worst') =>
      admin.request('PUT', `/api/v1/assessments/${uuidv7()}`, { schoolId, instrumentId: def.id, instrumentVersion: def.version, answers: answersFor(def, mode), submit: true });
    expect((await submit(schools.big!, 'best')).statusCode).toBe(201);
    expect((await submit(schools.small!, 'worst')).statusCode).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const plan = { taskForces: [{ id: 'tf1', type: 'first_aid', members: [{ kind: 'adult', personId: 'p1', isLeader: true }], duties: { before: [], during: [], after: [] } }] };
    await t.database.db.execute(sql`INSERT INTO sdm_plans (id, school_id, area_path, status, content, last_approved_on)
      VALUES (${uuidv7()}, ${schools.big}, ${pg(district.path)}::uuid[], 'approved', ${JSON.stringify(plan)}::jsonb, ${today})`);
    await t.database.db.execute(sql`INSERT INTO drills (id, school_id, area_path, hazard, held_on) VALUES (${uuidv7()}, ${schools.big}, ${pg(district.path)}::uuid[], 'earthquake', ${today})`);
    await t.database.db.execute(sql`INSERT INTO drills (id, school_id, area_path, hazard, held_on) VALUES (${uuidv7()}, ${schools.mid}, ${pg(district.path)}::uuid[], 'earthquake', '2020-01-01')`);
    const session = { id: 's1', schoolId: schools.big, moduleId: 'tf-first-aid', heldOn: today, facilitator: { name: 'Red Cross' }, audience: 'task_force', attendeePersonIds: ['p1'], participants: { female: 1, male: 0, other: 0, withDisability: 0 } };
    await t.database.db.execute(sql`INSERT INTO training_sessions (id, school_id, area_path, module_id, held_on, audience, record)
      VALUES (${uuidv7()}, ${schools.big}, ${pg(district.path)}::uuid[], 'tf-first-aid', ${today}, 'task_force', ${JSON.stringify(session)}::jsonb)`);

    const r = (await officer.get(`/api/v1/readiness?area=${district.id}`)).json<{
      schools: number;
      approvedPlan: { count: number; schoolIds: string[] };
      drilledRecently: { count: number; schoolIds: string[] };
      taskForcesTrained: { count: number; schoolIds: string[] };
      flagged: { schoolIds: string[] };
      pillarDistribution: Record<string, { buckets: { from: number; count: number }[]; unscored: number }>;
    }>();
    expect(r.schools).toBe(3);
    expect(r.approvedPlan.schoolIds).toEqual([schools.big]);
    expect(r.drilledRecently.schoolIds).toEqual([schools.big]);
    expect(r.taskForcesTrained.schoolIds).toEqual([schools.big]);
    expect(r.flagged.schoolIds).toEqual([schools.small]);
    expect(r.pillarDistribution.pillar1!.unscored).toBe(1);
    expect(r.pillarDistribution.pillar1!.buckets.at(-1)!.count).toBe(1);
    // The other district's officer sees only their own school.
    expect((await otherOfficer.get('/api/v1/readiness')).json()).toMatchObject({ schools: 1, approvedPlan: { count: 0 } });
  });
});
