import { schoolSafetyInstrument } from '@safeschools/domain';
import ExcelJS from 'exceljs';
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
let block: { id: string; path: string[] };
const schools: Record<'ready' | 'flagged' | 'stale' | 'other', string> = { ready: '', flagged: '', stale: '', other: '' };

const pg = (ids: string[]) => `{${ids.join(',')}}`;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  district = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  block = await buildArea(t.database, { name: 'Rakdong Tintek', level: 'block', parent: district });
  const namchi = await buildArea(t.database, { name: 'Namchi', level: 'district', parent: sikkim });
  schools.ready = (await buildSchool(t.database, { area: block, name: 'GSSS Rumtek', code: '11010100101' })).id;
  schools.flagged = (await buildSchool(t.database, { area: district, name: 'GPS "Ranka", upper', code: '11010100102' })).id;
  schools.stale = (await buildSchool(t.database, { area: district, name: '=SUM(A1) School', code: '11010100103' })).id;
  schools.other = (await buildSchool(t.database, { area: namchi, name: 'Namchi School', code: '11040100101' })).id;
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [district.id] })).email, TEST_PASSWORD);
  otherOfficer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [namchi.id] })).email, TEST_PASSWORD);
  const admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  const def = schoolSafetyInstrument;
  const submit = (schoolId: string, mode: 'best' | 'worst') =>
    admin.request('PUT', `/api/v1/assessments/${uuidv7()}`, { schoolId, instrumentId: def.id, instrumentVersion: def.version, answers: answersFor(def, mode), submit: true });
  expect((await submit(schools.ready, 'best')).statusCode).toBe(201);
  expect((await submit(schools.flagged, 'worst')).statusCode).toBe(201);
  // The ready school: an approved plan whose one task force is trained, drilling for earthquakes only, drilled today.
  const plan = {
    taskForces: [{ id: 'tf1', type: 'first_aid', members: [{ kind: 'adult', personId: 'p1', isLeader: true }], duties: { before: [], during: [], after: [] } }],
    drillSchedule: [{ hazard: 'earthquake', plannedOn: today }],
  };
  await t.database.db.execute(sql`INSERT INTO sdm_plans (id, school_id, area_path, status, content, last_approved_on)
    VALUES (${uuidv7()}, ${schools.ready}, ${pg(block.path)}::uuid[], 'approved', ${JSON.stringify(plan)}::jsonb, '2026-03-01')`);
  await t.database.db.execute(sql`INSERT INTO drills (id, school_id, area_path, hazard, held_on) VALUES (${uuidv7()}, ${schools.ready}, ${pg(block.path)}::uuid[], 'earthquake', ${today})`);
  await t.database.db.execute(sql`INSERT INTO drills (id, school_id, area_path, hazard, held_on) VALUES (${uuidv7()}, ${schools.stale}, ${pg(district.path)}::uuid[], 'fire', '2020-01-01')`);
  const session = { id: 's1', schoolId: schools.ready, moduleId: 'tf-first-aid', heldOn: today, facilitator: { name: 'Red Cross' }, audience: 'task_force', attendeePersonIds: ['p1'], participants: { female: 1, male: 0, other: 0, withDisability: 0 } };
  await t.database.db.execute(sql`INSERT INTO training_sessions (id, school_id, area_path, module_id, held_on, audience, record)
    VALUES (${uuidv7()}, ${schools.ready}, ${pg(block.path)}::uuid[], 'tf-first-aid', ${today}, 'task_force', ${JSON.stringify(session)}::jsonb)`);
});
afterAll(() => t.close());

type SchoolList = { items: { id: string; name: string; district: string | null; block: string | null; planStatus: string | null; flagged: boolean }[]; nextCursor: string | null };
const listed = async (caller: Caller, query: string) => (await caller.get(`/api/v1/readiness/schools?${query}`)).json<SchoolList>();

describe('the lists behind the readiness figures', () => {
  it('hold exactly the schools each figure counts', async () => {
    const figures = (await officer.get(`/api/v1/readiness?area=${district.id}`)).json<Record<string, { count: number; schoolIds: string[] }>>();
    expect(figures.noPlan!.schoolIds.sort()).toEqual([schools.flagged, schools.stale].sort());
    expect(figures.overdueDrill!.schoolIds.sort()).toEqual([schools.flagged, schools.stale].sort());
    const pairs = [
      ['approved-plan', 'approvedPlan'],
      ['recent-drill', 'drilledRecently'],
      ['trained', 'taskForcesTrained'],
      ['flagged', 'flagged'],
      ['no-plan', 'noPlan'],
      ['overdue-drill', 'overdueDrill'],
    ] as const;
    for (const [filter, key] of pairs) {
      const list = await listed(officer, `area=${district.id}&filter=${filter}`);
      expect(list.items.map((s) => s.id).sort(), filter).toEqual([...figures[key]!.schoolIds].sort());
    }
    expect((await listed(officer, 'filter=approved-plan')).items).toEqual([
      expect.objectContaining({ id: schools.ready, name: 'GSSS Rumtek', district: 'Gangtok', block: 'Rakdong Tintek', planStatus: 'approved', flagged: false }),
    ]);
    expect((await officer.get('/api/v1/readiness/schools?filter=everything')).statusCode).toBe(400);
  });

  it('page without repeating a school, and never show one out of scope', async () => {
    const first = await listed(officer, 'filter=overdue-drill&limit=1');
    expect(first.items).toHaveLength(1);
    const second = await listed(officer, `filter=overdue-drill&limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(2);
    expect((await listed(otherOfficer, `filter=no-plan&area=${district.id}`)).items).toEqual([]);
    expect((await listed(otherOfficer, 'filter=no-plan')).items.map((s) => s.id)).toEqual([schools.other]);
  });
});

describe('the readiness export', () => {
  it('writes one CSV row per school with plan, drills, task forces, scores and flag', async () => {
    const r = await officer.get(`/api/v1/readiness/export?area=${district.id}&format=csv`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toBe('attachment; filename="readiness.csv"');
    const lines = r.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(lines).toHaveLength(4);
    const row = (code: string) => {
      const line = lines.find((l) => l.includes(code))!;
      return Object.fromEntries(header.map((h, i) => [h, line.split(',')[i]]));
    };
    expect(row('11010100101')).toMatchObject({
      school_name: 'GSSS Rumtek',
      district: 'Gangtok',
      block: 'Rakdong Tintek',
      plan_status: 'approved',
      plan_approved_on: '2026-03-01',
      last_drill_earthquake: today,
      drill_overdue_earthquake: 'no',
      drill_overdue_fire: '',
      drill_overdue: 'no',
      task_forces_trained: '1',
      task_forces_total: '1',
      flagged_for_inspection: 'no',
    });
    expect(row('11010100101').rating_band).not.toBe('');
    expect(row('11010100103')).toMatchObject({ plan_status: 'none', last_drill_fire: '2020-01-01', drill_overdue_fire: 'yes', drill_overdue: 'yes', overall_score: '', flagged_for_inspection: 'no' });
    // This school's name holds commas, so its line is read from the end: the flag is the last column.
    expect(lines.find((l) => l.includes('11010100102'))!.endsWith(',yes')).toBe(true);
    // Commas and quotes are quoted; a name that looks like a formula is defused.
    expect(r.body).toContain('"GPS ""Ranka"", upper"');
    expect(r.body).toContain("'=SUM(A1) School");
    expect(r.body).not.toContain('Namchi');
  });

  it('adds the HXL hashtag row for hxl, and writes XLSX with the same columns', async () => {
    const hxl = await officer.get('/api/v1/readiness/export?format=hxl');
    const [, tags] = hxl.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(tags!.split(',').slice(0, 4)).toEqual(['#meta+id', '#loc+code', '#loc+name', '#adm2+name']);
    expect(tags).toContain('#indicator+flagged');
    const xlsx = await officer.get('/api/v1/readiness/export?format=xlsx');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('readiness')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(3).value).toBe('school_name');
    const names = [2, 3, 4].map((n) => sheet.getRow(n).getCell(3).value);
    expect(names).toContain('GSSS Rumtek');
    expect((await officer.get('/api/v1/readiness/export?format=geojson')).statusCode).toBe(400);
    const audit = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export.readiness'`);
    expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(3);
  });
});
