import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../testing/factories.js';

// Unknown is not zero: a school without an enrolment is counted as one without it, never as 0 children, and every
// total of children says how many schools it covers. North Sikkim has four schools: two with girls and boys, one
// with only a total, one with nothing; Mangan has two schools, neither with an enrolment (as the demo registry's
// real UDISE+ schools, which come without one).

interface Figure {
  total: number | null;
  schoolsWithFigure: number;
  schoolsWithoutFigure: number;
}
const figure = (total: number | null, withFigure: number, without: number): Figure => ({
  total,
  schoolsWithFigure: withFigure,
  schoolsWithoutFigure: without,
});

interface Totals {
  schools: number;
  children: Figure;
  girls: Figure;
  boys: Figure;
}

let t: TestApp;
let admin: Caller;
let manganOfficer: Caller;
let focal: Caller;
let manganSchool: string;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const north = await buildArea(t.database, { name: 'North Sikkim', level: 'district', parent: sikkim });
  const mangan = await buildArea(t.database, { name: 'Mangan', level: 'district', parent: sikkim });
  const at = (i: number) => ({ lon: 88.52 + i * 0.01, lat: 27.5 });
  await buildSchool(t.database, { area: north, code: '11010100001', ...at(0), girls: 100, boys: 90 });
  await buildSchool(t.database, { area: north, code: '11010100002', ...at(1), girls: 20, boys: 10 });
  const totalOnly = await buildSchool(t.database, { area: north, code: '11010100003', ...at(2) });
  await t.database.rows(sql`UPDATE schools SET enrolment_total = 50 WHERE id = ${totalOnly.id}`);
  await buildSchool(t.database, { area: north, code: '11010100004', ...at(3) });
  manganSchool = (await buildSchool(t.database, { area: mangan, code: '11020100001', name: 'GPS Mangan', ...at(4) })).id;
  await buildSchool(t.database, { area: mangan, code: '11020100002', ...at(5) });

  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  manganOfficer = await t.signIn(
    (await buildUser(t.database, { role: 'district_officer', areaIds: [mangan.id] })).email,
    TEST_PASSWORD,
  );
  focal = await t.signIn(
    (await buildUser(t.database, { role: 'school_focal_point', schoolIds: [manganSchool] })).email,
    TEST_PASSWORD,
  );
  const created = await admin.request('POST', '/api/v1/events', {
    kind: 'scenario',
    lon: 88.545,
    lat: 27.5,
    depthKm: 10,
    magnitude: 7,
  });
  expect(created.statusCode).toBe(201);
  eventId = created.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('children where some schools have an enrolment and some do not', () => {
  it('the dashboard sums the schools with one and counts those without', async () => {
    expect((await admin.get('/api/v1/dashboard')).json()).toMatchObject({ schools: 6, children: figure(270, 3, 3) });
  });

  it('the roll-up says the same from the stored counts and from counting rows', async () => {
    const stored = (await admin.get('/api/v1/areas/rollup?level=district')).json<{ items: (Totals & { name: string })[] }>()
      .items;
    expect(stored.map((a) => [a.name, a.schools, a.children, a.girls, a.boys])).toEqual([
      ['Mangan', 2, figure(null, 0, 2), figure(null, 0, 2), figure(null, 0, 2)],
      ['North Sikkim', 4, figure(270, 3, 1), figure(120, 2, 2), figure(100, 2, 2)],
    ]);
    const state = (await admin.get('/api/v1/areas/rollup?level=state')).json<{ items: Totals[] }>().items;
    expect(state[0]).toMatchObject({ schools: 6, children: figure(270, 3, 3), girls: figure(120, 2, 4) });
    const counted = (await manganOfficer.get('/api/v1/areas/rollup?level=district')).json<{ items: Totals[] }>().items;
    expect(counted).toEqual([expect.objectContaining({ schools: 2, children: figure(null, 0, 2), girls: figure(null, 0, 2) })]);
  });

  it('the event impact totals, districts and schools say what they cover', async () => {
    const event = (await admin.get(`/api/v1/events/${eventId}`)).json<{ totals: Totals }>();
    expect(event.totals).toMatchObject({
      schools: 6,
      children: figure(270, 3, 3),
      girls: figure(120, 2, 4),
      boys: figure(100, 2, 4),
    });
    const impact = (await admin.get(`/api/v1/events/${eventId}/impact?limit=10`)).json<{
      totals: Totals;
      areas: (Totals & { name: string })[];
      schools: { items: { code: string; children: number | null; girls: number | null; boys: number | null }[] };
    }>();
    expect(impact.totals).toEqual(event.totals);
    // Most children first; a district with no enrolment at all comes last, unknown rather than 0.
    expect(impact.areas.map((a) => [a.name, a.schools, a.children, a.girls])).toEqual([
      ['North Sikkim', 4, figure(270, 3, 1), figure(120, 2, 2)],
      ['Mangan', 2, figure(null, 0, 2), figure(null, 0, 2)],
    ]);
    const byCode = new Map(impact.schools.items.map((s) => [s.code, s]));
    expect(byCode.get('11010100001')).toMatchObject({ children: 190, girls: 100, boys: 90 });
    expect(byCode.get('11010100003')).toMatchObject({ children: 50, girls: null, boys: null });
    expect(byCode.get('11020100001')).toMatchObject({ children: null, girls: null, boys: null });
  });

  it('a viewer whose schools have none sees unknown, not 0, on the dashboard, the event and the list', async () => {
    expect((await manganOfficer.get('/api/v1/dashboard')).json()).toMatchObject({ schools: 2, children: figure(null, 0, 2) });
    const event = (await manganOfficer.get(`/api/v1/events/${eventId}`)).json<{ totals: Totals }>();
    expect(event.totals).toMatchObject({
      schools: 2,
      children: figure(null, 0, 2),
      girls: figure(null, 0, 2),
      boys: figure(null, 0, 2),
    });
    const listed = (await manganOfficer.get('/api/v1/events')).json<{ items: { id: string; totals: Totals }[] }>().items;
    expect(listed.find((e) => e.id === eventId)?.totals.children).toEqual(figure(null, 0, 2));
  });

  it('exports an unknown enrolment as an empty cell, never 0', async () => {
    const csv = (await admin.get(`/api/v1/events/${eventId}/schools?format=csv`)).body.split('\r\n');
    const head = csv[0]!.split(',');
    const row = (code: string): Record<string, string> => {
      const cells = csv.find((line) => line.startsWith(`${code},`))!.split(',');
      return Object.fromEntries(cells.map((cell, i): [string, string] => [head[i] ?? '', cell]));
    };
    expect(row('11020100001')).toMatchObject({ children: '', girls: '', boys: '' });
    expect(row('11010100003')).toMatchObject({ children: '50', girls: '', boys: '' });
    expect(row('11010100001')).toMatchObject({ children: '190', girls: '100', boys: '90' });
  });

  it('starts a plan with the head counts the registry lacks as not recorded (null), not 0', async () => {
    const created = await focal.request('PUT', `/api/v1/schools/${manganSchool}/plan`, {});
    expect(created.statusCode).toBe(200);
    const profile = created.json<{ content: { profile: Record<string, unknown> } }>().content.profile;
    expect(profile).toMatchObject({
      students: { girls: null, boys: null, other: null },
      childrenWithSpecialNeeds: null,
      teachers: null,
    });
  });
});
