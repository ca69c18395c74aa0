import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { buildAlertEvent, buildCheckInLink } from '../../testing/check-in-factories.js';

let t: TestApp;
let gangtok: { id: string; path: string[] };
let schoolA: { id: string; name: string };
let schoolB: { id: string; name: string };
let kochi: { id: string; name: string };
let event: { id: string; noticeId: string };
let ip = 0;
/** Each test from its own address, so the per-address limits of one test do not reach another. */
const from = () => ({ remoteAddress: `10.1.0.${(ip += 1)}` });

async function post(token: string, body: unknown, address = from()) {
  return t.app.inject({ method: 'POST', url: `/api/v1/check-ins/${token}`, payload: body as object, ...address });
}
async function get(token: string, address = from()) {
  return t.app.inject({ method: 'GET', url: `/api/v1/check-ins/${token}`, ...address });
}
async function checkInRows(schoolId: string) {
  return t.database.rows<{ status: string; version: number; injured: number | null; students_present: number | null; answered_by: string; via: string }>(
    sql`SELECT status, version, injured, students_present, answered_by, via FROM check_ins WHERE event_id = ${event.id} AND school_id = ${schoolId}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india }) });
  schoolA = await buildSchool(t.database, { area: gangtok, name: 'Tashi Namgyal Academy' });
  schoolB = await buildSchool(t.database, { area: gangtok, name: 'Paljor Namgyal Girls School' });
  kochi = await buildSchool(t.database, { area: ernakulam, name: 'Kochi Government School' });
  event = await buildAlertEvent(t.database, {
    title: 'Cyclone over the Bay',
    schools: [
      { id: schoolA.id, districtId: gangtok.id, band: 2 },
      { id: schoolB.id, districtId: gangtok.id },
      { id: kochi.id, districtId: ernakulam.id },
    ],
  });
});
afterAll(() => t.close());

describe('a check-in link', () => {
  it("shows only the school's name, the event's title and no answer yet", async () => {
    const { token } = await buildCheckInLink(t.database, { event, schoolId: schoolB.id, language: 'hi', recipientKey: 'contact:b:head' });
    const r = await get(token);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ schoolName: schoolB.name, eventTitle: 'Cyclone over the Bay', language: 'hi', expiresAt: (expect.any(String) as unknown), answer: null });
  });

  it('records an answer for the link’s school; counts not given stay unknown (null), not 0', async () => {
    const { token, recipientKey } = await buildCheckInLink(t.database, { event, schoolId: schoolA.id });
    const r = await post(token, { status: 'building_damaged', injured: 2, schoolState: 'shelter', note: 'Roof of block B' });
    expect(r.statusCode).toBe(200);
    expect(r.json<{ answer: object }>().answer).toMatchObject({ status: 'building_damaged', injured: 2, studentsPresent: null, staffPresent: null, missing: null, version: 1, via: 'link' });
    expect(await checkInRows(schoolA.id)).toEqual([{ status: 'building_damaged', version: 1, injured: 2, students_present: null, answered_by: recipientKey, via: 'link' }]);
    const audit = await t.database.rows<{ actor_id: string | null; details: { via: string; recipientKey: string } }>(
      sql`SELECT actor_id, details FROM audit_log WHERE action = 'check_in.answer' AND entity_id = ${`${event.id}:${schoolA.id}`}`,
    );
    expect(audit).toEqual([{ actor_id: null, details: (expect.objectContaining({ via: 'link', recipientKey }) as unknown) }]);
  });

  it('changes an answer with the version seen; a stale version is a 409 and writes nothing', async () => {
    const school = await buildSchool(t.database, { area: gangtok });
    const ev = await buildAlertEvent(t.database, { schools: [{ id: school.id }] });
    const focal = await buildCheckInLink(t.database, { event: ev, schoolId: school.id, recipientKey: 'contact:x:focal' });
    const head = await buildCheckInLink(t.database, { event: ev, schoolId: school.id, recipientKey: 'contact:x:head' });
    expect((await post(focal.token, { status: 'need_help' })).statusCode).toBe(200);
    // The head teacher loaded the page before the focal point answered: no version, yet an answer exists.
    const stale = await post(head.token, { status: 'all_safe' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await post(head.token, { status: 'all_safe', version: 7 })).statusCode).toBe(409);
    const seen = (await get(head.token)).json<{ answer: { status: string; version: number } }>().answer;
    expect(seen).toMatchObject({ status: 'need_help', version: 1 });
    const changed = await post(head.token, { status: 'some_injured', injured: 1, version: seen.version });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<{ answer: object }>().answer).toMatchObject({ status: 'some_injured', version: 2 });
    const audit = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${`${ev.id}:${school.id}`} ORDER BY at, action`);
    expect(audit.map((a) => a.action).sort()).toEqual(['check_in.answer', 'check_in.change']);
  });

  it('takes the school from the token only: a field naming another school is refused, nothing written', async () => {
    const { token } = await buildCheckInLink(t.database, { event, schoolId: schoolB.id, recipientKey: 'contact:b:focal' });
    const r = await post(token, { status: 'need_help', schoolId: kochi.id });
    expect(r.statusCode).toBe(400);
    expect(await checkInRows(kochi.id)).toEqual([]);
    // A well-formed answer through B's link lands on B, never on another school.
    expect((await post(token, { status: 'need_help' })).statusCode).toBe(200);
    expect(await checkInRows(kochi.id)).toEqual([]);
    expect((await checkInRows(schoolB.id))[0]).toMatchObject({ status: 'need_help' });
  });

  it('refuses an expired link (410) and a forged one (404), writing nothing', async () => {
    const school = await buildSchool(t.database, { area: gangtok });
    const ev = await buildAlertEvent(t.database, { schools: [{ id: school.id }] });
    const old = await buildCheckInLink(t.database, { event: ev, schoolId: school.id, createdAt: new Date(Date.now() - 15 * 86_400_000) });
    const expired = await post(old.token, { status: 'all_safe' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'CHECK_IN_LINK_EXPIRED' });
    expect((await get(old.token)).json()).toMatchObject({ code: 'CHECK_IN_LINK_EXPIRED' });
    const forged = await post(`${old.token.slice(0, -4)}AAAA`, { status: 'all_safe' });
    expect(forged.statusCode).toBe(404);
    expect(forged.json()).toMatchObject({ code: 'CHECK_IN_LINK_UNKNOWN' });
    const rows = await t.database.rows(sql`SELECT 1 FROM check_ins WHERE event_id = ${ev.id}`);
    expect(rows).toEqual([]);
  });

  it('refuses negative, fractional and over-long values', async () => {
    const { token } = await buildCheckInLink(t.database, { event, schoolId: schoolB.id, recipientKey: 'contact:b:other' });
    for (const body of [{ status: 'all_safe', injured: -1 }, { status: 'all_safe', missing: 1.5 }, { status: 'fine' }, { status: 'all_safe', note: 'x'.repeat(501) }]) {
      expect((await post(token, body)).statusCode).toBe(400);
    }
  });

  it('answers 429 with Retry-After to more wrong tokens from one address, but a good link there still works', async () => {
    const { token } = await buildCheckInLink(t.database, { event, schoolId: schoolB.id, recipientKey: 'contact:b:limit' });
    const address = from();
    for (let i = 0; i < 10; i += 1) expect((await get(`${'z'.repeat(40)}${i}`, address)).statusCode).toBe(404);
    const limited = await get(`${'z'.repeat(40)}x`, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // In an emergency many schools answer from behind one address (a carrier's NAT): a prober there shuts none out.
    expect((await get(token, address)).statusCode).toBe(200);
  });

  it('answers 429 when one token is used too often, whatever the address', async () => {
    const { token } = await buildCheckInLink(t.database, { event, schoolId: schoolB.id, recipientKey: 'contact:b:often' });
    for (let i = 0; i < 30; i += 1) expect((await get(token)).statusCode).toBe(200);
    const limited = await get(token);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe("an event's check-ins", () => {
  let officer: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    const o = await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] });
    officer = await t.signIn(o.email, TEST_PASSWORD);
    const v = await buildUser(t.database, { role: 'viewer', areaIds: [gangtok.id] });
    viewer = await t.signIn(v.email, TEST_PASSWORD);
  });

  it('counts told, delivered and answered in scope, and lists the silent schools with numbers to call', async () => {
    const quiet = await buildSchool(t.database, { area: gangtok, name: 'Silent Hill School' });
    await t.database.rows(sql`UPDATE schools SET safety_focal_point = ${JSON.stringify({ name: 'Pema', phone: '+919812345678' })}::jsonb WHERE id = ${quiet.id}`);
    const kochiOfficerOnly = await buildSchool(t.database, { area: await buildArea(t.database, { name: 'Far', level: 'district' }), name: 'Far Away School' });
    const ev = await buildAlertEvent(t.database, {
      schools: [{ id: schoolA.id, band: 2 }, { id: quiet.id }, { id: schoolB.id }, { id: kochiOfficerOnly.id }, { id: kochi.id }],
    });
    const answered = await buildCheckInLink(t.database, { event: ev, schoolId: schoolA.id, state: 'delivered', createdAt: new Date(Date.now() - 3_600_000) });
    await buildCheckInLink(t.database, { event: ev, schoolId: quiet.id, createdAt: new Date(Date.now() - 3_600_000) });
    await buildCheckInLink(t.database, { event: ev, schoolId: kochi.id, createdAt: new Date(Date.now() - 3_600_000) });
    // schoolB was told a moment ago: not yet "silent" at 30 minutes.
    await buildCheckInLink(t.database, { event: ev, schoolId: schoolB.id });
    expect((await post(answered.token, { status: 'all_safe', studentsPresent: 120 })).statusCode).toBe(200);

    const r = await officer.get(`/api/v1/events/${ev.id}/check-ins`);
    expect(r.statusCode).toBe(200);
    const body = r.json<{ totals: object; schools: { schoolId: string; answer: unknown }[]; silent: { schoolId: string; contacts: object[] }[] }>();
    expect(body.totals).toEqual({ affected: 3, told: 3, delivered: 1, answered: 1, byStatus: { all_safe: 1, some_injured: 0, building_damaged: 0, need_help: 0 }, silent: 1 });
    expect(body.schools.map((s) => s.schoolId).sort()).toEqual([schoolA.id, quiet.id, schoolB.id].sort());
    expect(r.body).not.toContain('Kochi');
    expect(body.silent).toEqual([{ schoolId: quiet.id, name: 'Silent Hill School', code: (expect.any(String) as unknown), toldAt: (expect.any(String) as unknown), contacts: [{ role: 'focal_point', name: 'Pema', phone: '+919812345678' }] }]);

    const wider = (await officer.get(`/api/v1/events/${ev.id}/check-ins?silentMinutes=0`)).json<{ silent: { schoolId: string }[] }>();
    expect(wider.silent.map((s) => s.schoolId).sort()).toEqual([quiet.id, schoolB.id].sort());
    // A viewer may read the answers but gets no phone numbers.
    const seen = (await viewer.get(`/api/v1/events/${ev.id}/check-ins`)).json<{ silent: { contacts: object[] }[] }>();
    expect(seen.silent).toHaveLength(1);
    expect(seen.silent[0]!.contacts).toEqual([]);
  });

  it('is a 404 for an event that does not exist, and needs sign-in', async () => {
    expect((await officer.get('/api/v1/events/019b0000-0000-7000-8000-00000000dead/check-ins')).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/events/${event.id}/check-ins`)).statusCode).toBe(401);
  });
});
