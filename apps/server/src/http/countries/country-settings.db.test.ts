import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let nationalManager: Caller;
let stateManager: Caller;
let officer: Caller;
let focal: Caller;
let school: { id: string };

const monthsAgo = (months: number): string => {
  const day = new Date();
  day.setUTCDate(1);
  day.setUTCMonth(day.getUTCMonth() - months);
  return day.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  await t.database.execScript(`UPDATE areas SET country_code = 'IN' WHERE id = '${india.id}'`);
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  school = await buildSchool(t.database, { area: gangtok, name: 'GSSS Rumtek' });
  const signIn = async (role: Parameters<typeof buildUser>[1]['role'], scope: { areaIds?: string[]; schoolIds?: string[] }) =>
    t.signIn((await buildUser(t.database, { role, ...scope })).email, TEST_PASSWORD);
  admin = await signIn('administrator', {});
  nationalManager = await signIn('programme_manager', { areaIds: [india.id] });
  stateManager = await signIn('programme_manager', { areaIds: [sikkim.id] });
  officer = await signIn('district_officer', { areaIds: [gangtok.id] });
  focal = await signIn('school_focal_point', { schoolIds: [school.id] });
  // An earthquake drill held four months ago (on the first of that month, so the age never rounds to three).
  const drill = {
    schoolId: school.id,
    hazard: 'earthquake',
    scenario: 'Tremor during assembly',
    startedAt: `${monthsAgo(4)}T10:00:00+05:30`,
    participants: { girls: 100, boys: 90, otherChildren: 0, childrenWithSpecialNeeds: 2, teachers: 10, staff: 3 },
    observers: [],
    times: { classroomsOutSeconds: 50, assemblyPointSeconds: 200 },
    missingPersons: 0,
    whatWentWrong: [],
  };
  expect((await focal.request('POST', '/api/v1/drills', drill)).statusCode).toBe(201);
});
afterAll(() => t.close());

const quarterlyEarthquakes = { defaultDrillIntervalMonths: 6, drillIntervalMonths: { earthquake: 3 } };

async function earthquakeDue(caller: Caller): Promise<{ overdue: boolean; dueOn: string }> {
  const mine = (await caller.get(`/api/v1/schools/${school.id}/drills`)).json<{ due: { hazard: string; overdue: boolean; dueOn: string }[] }>();
  const listed = (await caller.get('/api/v1/drills/due')).json<{ items: { drills: { hazard: string; overdue: boolean; dueOn: string }[] }[] }>();
  const fromSchool = mine.due.find((d) => d.hazard === 'earthquake');
  const fromList = listed.items[0]?.drills.find((d) => d.hazard === 'earthquake');
  // The school's page and the officers' list must always agree.
  expect(fromList).toEqual(fromSchool);
  return fromSchool!;
}

describe('country settings', () => {
  it('reads the programme defaults (version 0) for a country that set nothing, to anyone signed in', async () => {
    const r = await focal.get('/api/v1/countries/IN/settings');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ countryCode: 'IN', defaultDrillIntervalMonths: 6, drillIntervalMonths: {}, version: 0, updatedAt: null, updatedBy: null });
    expect((await t.anonymous.get('/api/v1/countries/IN/settings')).statusCode).toBe(401);
    expect((await focal.get('/api/v1/countries/india/settings')).statusCode).toBe(400);
  });

  it('lets only an administrator or a manager of the whole country change them', async () => {
    for (const caller of [stateManager, officer, focal]) {
      const r = await caller.request('PUT', '/api/v1/countries/IN/settings', { ...quarterlyEarthquakes, version: 0 });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await officer.get('/api/v1/countries/IN/settings')).json()).toMatchObject({ version: 0 });
    // A country-level area of another code does not count.
    expect((await nationalManager.request('PUT', '/api/v1/countries/NP/settings', { ...quarterlyEarthquakes, version: 0 })).statusCode).toBe(403);
    expect((await admin.request('PUT', '/api/v1/countries/NP/settings', { ...quarterlyEarthquakes, version: 0 })).statusCode).toBe(200);
  });

  it('refuses intervals outside 1-24 months and hazards it does not know', async () => {
    for (const body of [
      { defaultDrillIntervalMonths: 0, drillIntervalMonths: {} },
      { defaultDrillIntervalMonths: 25, drillIntervalMonths: {} },
      { defaultDrillIntervalMonths: 6, drillIntervalMonths: { earthquake: 2.5 } },
      { defaultDrillIntervalMonths: 6, drillIntervalMonths: { meteor: 3 } },
    ]) {
      const r = await admin.request('PUT', '/api/v1/countries/IN/settings', { ...body, version: 0 });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('makes a four-month-old drill overdue on a 3-month interval, where the six-month default does not', async () => {
    expect(await earthquakeDue(officer)).toMatchObject({ overdue: false });
    const saved = await nationalManager.request('PUT', '/api/v1/countries/IN/settings', { ...quarterlyEarthquakes, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ countryCode: 'IN', drillIntervalMonths: { earthquake: 3 }, version: 1 });
    expect(await earthquakeDue(officer)).toMatchObject({ overdue: true });
    const audit = await t.database.rows<{ action: string; after_version: number }>(
      sql`SELECT action, after_version FROM audit_log WHERE entity = 'country_settings' AND entity_id = 'IN'`,
    );
    expect(audit).toEqual([{ action: 'country_settings.update', after_version: 1 }]);
  });

  it('refuses a change based on a stale version, and counts drills recent within the country interval on the dashboard', async () => {
    const stale = await admin.request('PUT', '/api/v1/countries/IN/settings', { defaultDrillIntervalMonths: 12, drillIntervalMonths: {}, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await officer.get('/api/v1/readiness')).json()).toMatchObject({ drilledRecently: { count: 1 } });
    const quarterly = await admin.request('PUT', '/api/v1/countries/IN/settings', { defaultDrillIntervalMonths: 3, drillIntervalMonths: {}, version: 1 });
    expect(quarterly.json()).toMatchObject({ defaultDrillIntervalMonths: 3, drillIntervalMonths: {}, version: 2 });
    expect((await officer.get('/api/v1/readiness')).json()).toMatchObject({ drilledRecently: { count: 0 }, overdueDrill: { count: 1 } });
  });
});
