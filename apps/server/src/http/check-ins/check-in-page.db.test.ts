import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { buildAlertEvent, buildCheckInLink } from '../../testing/check-in-factories.js';

let t: TestApp;
let web: string;
let area: { id: string; path: string[] };
let ip = 0;
const from = () => ({ remoteAddress: `10.2.0.${(ip += 1)}` });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  // A built web app is served beside, so the test sees that its shell does not answer /c/.
  web = await mkdtemp(path.join(tmpdir(), 'safeschools-web-'));
  await writeFile(path.join(web, 'index.html'), '<!doctype html><div id="root">APP SHELL</div>');
  t = await createTestApp({ env: { WEB_DIST: web } });
  area = await buildArea(t.database, { name: 'Gangtok', level: 'district' });
});
afterAll(async () => {
  await t.close();
  await rm(web, { recursive: true, force: true });
});

async function link(language: 'en' | 'hi' | 'ja' = 'hi', expired = false) {
  const school = await buildSchool(t.database, { area, name: 'Tashi Namgyal Academy' });
  const event = await buildAlertEvent(t.database, { title: 'Earthquake M6.1 near Gangtok', schools: [{ id: school.id }] });
  const created = expired ? new Date(Date.now() - 15 * 86_400_000) : new Date();
  const made = await buildCheckInLink(t.database, { event, schoolId: school.id, language, createdAt: created });
  return { ...made, school, event };
}

describe('the check-in page', () => {
  it("opens in the message's language, tiny, with no script and a strict policy", async () => {
    const { token } = await link('hi');
    const r = await t.app.inject({ method: 'GET', url: `/c/${token}`, ...from() });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('<html lang="hi">');
    expect(r.body).toContain('Tashi Namgyal Academy');
    expect(r.body).toContain('अभी मदद चाहिए');
    expect(r.body).not.toContain('APP SHELL');
    expect(Buffer.byteLength(r.body)).toBeLessThan(10 * 1024);
    expect(r.body).not.toMatch(/<script/i);
    expect(r.body).not.toMatch(/(src|href)="https?:/i);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('switches language with the links at the top', async () => {
    const { token } = await link('hi');
    const r = await t.app.inject({ method: 'GET', url: `/c/${token}?lang=ja`, ...from() });
    expect(r.body).toContain('<html lang="ja">');
    expect(r.body).toContain(`href="/c/${token}?lang=en"`);
    expect(r.body).toContain('今すぐ助けが必要');
  });

  it('records a plain form post, redirects, and thanks in the same language; the answer can be changed', async () => {
    const { token, school, event } = await link('hi');
    const address = from();
    const posted = await t.app.inject({ method: 'POST', url: `/c/${token}?lang=hi`, headers: formHeaders, payload: form({ status: 'building_damaged', injured: '2', studentsPresent: '' }), ...address });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/c/${token}?lang=hi&saved=1`);
    const rows = await t.database.rows<{ status: string; injured: number | null; students_present: number | null; version: number }>(
      sql`SELECT status, injured, students_present, version FROM check_ins WHERE event_id = ${event.id} AND school_id = ${school.id}`,
    );
    expect(rows).toEqual([{ status: 'building_damaged', injured: 2, students_present: null, version: 1 }]);
    const thanks = await t.app.inject({ method: 'GET', url: String(posted.headers.location), ...address });
    expect(thanks.body).toContain('धन्यवाद');
    expect(thanks.body).toContain('name="version" value="1"');
    const changed = await t.app.inject({ method: 'POST', url: `/c/${token}`, headers: formHeaders, payload: form({ status: 'all_safe', version: '1' }), ...address });
    expect(changed.statusCode).toBe(303);
    const after = await t.database.rows<{ status: string; version: number }>(sql`SELECT status, version FROM check_ins WHERE event_id = ${event.id}`);
    expect(after).toEqual([{ status: 'all_safe', version: 2 }]);
  });

  it("shows a colleague's answer instead of overwriting it, keeping what was typed", async () => {
    const { token, school, event } = await link('en');
    const other = await buildCheckInLink(t.database, { event, schoolId: school.id, recipientKey: 'contact:other:head' });
    await t.app.inject({ method: 'POST', url: `/c/${other.token}`, headers: formHeaders, payload: form({ status: 'need_help' }), ...from() });
    const r = await t.app.inject({ method: 'POST', url: `/c/${token}`, headers: formHeaders, payload: form({ status: 'all_safe', note: 'All 40 here' }), ...from() });
    expect(r.statusCode).toBe(409);
    expect(r.body).toContain('Need help now');
    expect(r.body).toContain('All 40 here');
    expect(r.body).toContain('name="version" value="1"');
    const rows = await t.database.rows<{ status: string }>(sql`SELECT status FROM check_ins WHERE event_id = ${event.id}`);
    expect(rows).toEqual([{ status: 'need_help' }]);
  });

  it('re-shows the form for a bad number, writing nothing', async () => {
    const { token, event } = await link('en');
    const r = await t.app.inject({ method: 'POST', url: `/c/${token}`, headers: formHeaders, payload: form({ status: 'all_safe', injured: '-3' }), ...from() });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('whole numbers');
    expect(await t.database.rows(sql`SELECT 1 FROM check_ins WHERE event_id = ${event.id}`)).toEqual([]);
  });

  it('is a clear page for an expired or forged link, and writes nothing', async () => {
    const { token, event } = await link('ja', true);
    const expired = await t.app.inject({ method: 'POST', url: `/c/${token}?lang=ja`, headers: formHeaders, payload: form({ status: 'all_safe' }), ...from() });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('期限切れ');
    expect(Buffer.byteLength(expired.body)).toBeLessThan(10 * 1024);
    const forged = await t.app.inject({ method: 'GET', url: `/c/${'A'.repeat(43)}`, headers: { 'accept-language': 'hi-IN,hi;q=0.9' }, ...from() });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('यह लिंक मान्य नहीं है');
    expect(forged.body).not.toMatch(/<script/i);
    expect(await t.database.rows(sql`SELECT 1 FROM check_ins WHERE event_id = ${event.id}`)).toEqual([]);
  });

  it('answers many wrong tokens from one address with a translated 429 page', async () => {
    const address = from();
    for (let i = 0; i < 10; i += 1) await t.app.inject({ method: 'GET', url: `/c/${'B'.repeat(42)}${i}`, ...address });
    const r = await t.app.inject({ method: 'GET', url: `/c/${'B'.repeat(43)}?lang=hi`, ...address });
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.body).toContain('बहुत अधिक प्रयास');
  });

  it('works from a browser signed in to SafeSchools without a CSRF header: the token, not the session, decides', async () => {
    const user = await buildUser(t.database, { role: 'viewer', areaIds: [area.id] });
    const caller = await t.signIn(user.email, TEST_PASSWORD);
    const { token, event } = await link('en');
    const r = await t.app.inject({ method: 'POST', url: `/c/${token}`, headers: { ...formHeaders, cookie: caller.cookie! }, payload: form({ status: 'all_safe' }), ...from() });
    expect(r.statusCode).toBe(303);
    const audit = await t.database.rows<{ actor_id: string | null }>(sql`SELECT actor_id FROM audit_log WHERE entity_id LIKE ${`${event.id}:%`}`);
    expect(audit).toEqual([{ actor_id: null }]);
  });

  it('leaves other deep links to the web app', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/events' })).body).toContain('APP SHELL');
  });
});
