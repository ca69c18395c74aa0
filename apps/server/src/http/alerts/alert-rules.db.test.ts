import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildEvent, changeEvent, setContacts } from '../../testing/alert-fixtures.js';

let t: TestApp;
let admin: Caller;
let manager: Caller;
let officer: Caller;
let focal: Caller;
let gangtok: { id: string; path: string[] };
let ernakulam: { id: string; path: string[] };
let schoolIn: string;
let schoolOut: string;
const BUILT_IN = '019b0000-0000-7000-8000-000000000001';

interface RuleAnswer {
  rule: {
    id: string;
    version: number;
    name: string;
    builtIn: boolean;
    nameUnchanged: boolean;
    enabled: boolean;
    statuses: string[];
    scope: { all: boolean };
  };
  reach: { focal_points: number; head_teachers: number; district_officers: number; programme_staff: number; total: number };
  warnings: { code: string }[];
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: india });
  schoolIn = (await buildSchool(t.database, { area: gangtok, name: 'Inside School' })).id;
  schoolOut = (await buildSchool(t.database, { area: ernakulam, name: 'Outside School' })).id;
  await setContacts(t.database, schoolIn, { head: { name: 'Head In', email: 'head.in@example.org' } });
  await setContacts(t.database, schoolOut, { head: { name: 'Head Out', email: 'head.out@example.org' } });
  admin = await signIn(await buildUser(t.database, { role: 'administrator' }));
  manager = await signIn(await buildUser(t.database, { role: 'programme_manager', areaIds: [gangtok.id] }));
  officer = await signIn(await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] }));
  focal = await signIn(await buildUser(t.database, { role: 'school_focal_point', schoolIds: [schoolIn] }));
});
afterAll(() => t.close());

async function signIn(u: { email: string }): Promise<Caller> {
  return t.signIn(u.email, TEST_PASSWORD);
}

describe('alert rules API', () => {
  it('lists the built-in rule, shown and editable, to those who see everything, with its reach', async () => {
    const r = await admin.get('/api/v1/alert-rules');
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: RuleAnswer[] }>().items;
    const builtIn = items.find((i) => i.rule.id === BUILT_IN)!;
    expect(builtIn.rule).toMatchObject({
      builtIn: true,
      nameUnchanged: true,
      enabled: true,
      statuses: ['actual'],
      scope: { all: true },
    });
    // One focal-point user and two head teachers with an address; the officer of Gangtok.
    expect(builtIn.reach).toMatchObject({ focal_points: 1, head_teachers: 2, district_officers: 1, total: 4 });
    expect(builtIn.warnings).toEqual([]);
    // A scoped manager does not see a rule for every school.
    expect((await manager.get('/api/v1/alert-rules')).json<{ items: RuleAnswer[] }>().items).toEqual([]);
  });

  it('refuses those without alerts.manage', async () => {
    expect((await officer.get('/api/v1/alert-rules')).statusCode).toBe(403);
    expect((await focal.request('POST', '/api/v1/alert-rules', { name: 'x', audiences: ['head_teachers'] })).statusCode).toBe(
      403,
    );
  });

  it('lets a scoped manager make, change and remove rules within their scope only', async () => {
    const outside = await manager.request('POST', '/api/v1/alert-rules', {
      name: 'Kerala',
      audiences: ['head_teachers'],
      scope: { areaIds: [ernakulam.id] },
    });
    expect(outside.json()).toMatchObject({ code: 'SCOPE_INVALID' });
    const everywhere = await manager.request('POST', '/api/v1/alert-rules', { name: 'Everywhere', audiences: ['head_teachers'] });
    expect(everywhere.json()).toMatchObject({ code: 'SCOPE_INVALID' });
    const made = await manager.request('POST', '/api/v1/alert-rules', {
      name: 'Gangtok floods',
      hazardTypes: ['flood'],
      minBand: 1,
      audiences: ['head_teachers', 'district_officers'],
      scope: { areaIds: [gangtok.id] },
    });
    expect(made.statusCode).toBe(201);
    const rule = made.json<RuleAnswer>();
    expect(rule.reach).toMatchObject({ head_teachers: 1, district_officers: 1, total: 2 });
    expect((await manager.get('/api/v1/alert-rules')).json<{ items: RuleAnswer[] }>().items.map((i) => i.rule.id)).toEqual([
      rule.rule.id,
    ]);

    const off = await manager.request('PATCH', `/api/v1/alert-rules/${rule.rule.id}`, {
      version: rule.rule.version,
      enabled: false,
    });
    expect(off.json<RuleAnswer>().rule).toMatchObject({ enabled: false, version: rule.rule.version + 1 });
    const stale = await manager.request('PATCH', `/api/v1/alert-rules/${rule.rule.id}`, {
      version: rule.rule.version,
      enabled: true,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const widen = await manager.request('PATCH', `/api/v1/alert-rules/${rule.rule.id}`, {
      version: rule.rule.version + 1,
      scope: { areaIds: [ernakulam.id] },
    });
    expect(widen.json()).toMatchObject({ code: 'SCOPE_INVALID' });
    // The built-in rule (every school) is out of a scoped manager's reach: it looks missing.
    expect((await manager.request('PATCH', `/api/v1/alert-rules/${BUILT_IN}`, { version: 1, enabled: false })).statusCode).toBe(
      404,
    );

    expect((await manager.request('DELETE', `/api/v1/alert-rules/${rule.rule.id}?version=1`)).statusCode).toBe(409);
    expect(
      (await manager.request('DELETE', `/api/v1/alert-rules/${rule.rule.id}?version=${rule.rule.version + 1}`)).statusCode,
    ).toBe(204);
    expect((await manager.get('/api/v1/alert-rules')).json<{ items: unknown[] }>().items).toEqual([]);
    const audit = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${rule.rule.id} ORDER BY at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['alert_rule.create', 'alert_rule.update', 'alert_rule.delete']);
  });

  it('says so when a rule would tell nobody', async () => {
    const r = await admin.request('POST', '/api/v1/alert-rules', {
      name: 'Programme staff only',
      audiences: ['programme_staff'],
      scope: { areaIds: [ernakulam.id] },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json<RuleAnswer>()).toMatchObject({ reach: { total: 0 }, warnings: [{ code: 'RULE_REACHES_NOBODY' }] });
  });

  it('validates rules', async () => {
    const bad = await admin.request('POST', '/api/v1/alert-rules', {
      name: '',
      audiences: [],
      minSeverity: 'Huge',
      statuses: ['cancelled'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('edits the built-in rule: renamed, it is no longer shown translated', async () => {
    const r = await admin.request('PATCH', `/api/v1/alert-rules/${BUILT_IN}`, { version: 1, name: 'Our default' });
    expect(r.json<RuleAnswer>().rule).toMatchObject({ builtIn: true, nameUnchanged: false, name: 'Our default' });
  });
});

describe('manual notices API', () => {
  it('previews by channel and language, sends once per Idempotency-Key, and lists what was sent', async () => {
    const event = await buildEvent(t.database, {
      schools: [
        { schoolId: schoolIn, band: 2 },
        { schoolId: schoolOut, band: 3 },
      ],
    });
    const preview = await officer.request('POST', `/api/v1/events/${event.id}/notices/preview`, { audiences: ['head_teachers'] });
    expect(preview.statusCode).toBe(200);
    const p = preview.json<{
      recipients: { channel: string; language: string; count: number }[];
      schools: number;
      people: number;
      defaults: Record<string, { sms: string }>;
      smsSegments: Record<string, number>;
      notConfigured: string[];
    }>();
    expect(p).toMatchObject({ schools: 1, people: 1, recipients: [{ channel: 'email', language: 'en', count: 1 }] });
    // The head teacher speaks the language of the school's focal-point user (en), not ALERT_CONTACT_LANGUAGE.
    expect(p.defaults.hi!.sms).toContain('{link}');
    expect(p.smsSegments.hi).toBeGreaterThan(p.smsSegments.en! - 1);

    const messages = {
      en: { subject: 'Check on {school}', body: 'Please check {school}: {link}', sms: 'Check {school} {link}' },
    };
    const headers = { 'idempotency-key': 'manual-send-0001' };
    const sent = await officer.request(
      'POST',
      `/api/v1/events/${event.id}/notices`,
      { audiences: ['head_teachers'], messages },
      headers,
    );
    expect(sent.statusCode).toBe(201);
    const again = await officer.request(
      'POST',
      `/api/v1/events/${event.id}/notices`,
      { audiences: ['head_teachers'], messages },
      headers,
    );
    expect(again.json<{ id: string }>().id).toBe(sent.json<{ id: string }>().id);
    const rows = await t.database.rows<{ address: string; body: string; state: string }>(
      sql`SELECT address, body, state FROM notifications WHERE event_id = ${event.id}`,
    );
    expect(rows.map((r) => r.address)).toEqual(['head.in@example.org']);
    expect(rows[0]!.body).toContain('/c/');

    const list = (await officer.get(`/api/v1/events/${event.id}/notices`)).json<{
      items: { kind: string; createdBy: { name: string } | null; schools: number; counts: Record<string, number> }[];
      cancelledUntold: boolean;
    }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'manual', schools: 1 });
    expect(list.items[0]!.createdBy).not.toBeNull();
    expect(Object.values(list.items[0]!.counts).reduce((a, b) => a + b, 0)).toBe(1);
    expect(list.cancelledUntold).toBe(false);
  });

  it('refuses a notice that reaches nobody, and those without alerts.send', async () => {
    const event = await buildEvent(t.database, { schools: [{ schoolId: schoolOut, band: 3 }] });
    const r = await officer.request('POST', `/api/v1/events/${event.id}/notices`, { audiences: ['head_teachers'] });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'NOTICE_REACHES_NOBODY' });
    expect(
      (await focal.request('POST', `/api/v1/events/${event.id}/notices/preview`, { audiences: ['head_teachers'] })).statusCode,
    ).toBe(403);
    expect((await officer.request('POST', `/api/v1/events/${event.id}/notices/preview`, { audiences: [] })).statusCode).toBe(400);
  });

  it('says when a cancelled event had told nobody', async () => {
    const event = await buildEvent(t.database, { schools: [{ schoolId: schoolIn, band: 1 }] });
    await changeEvent(t.database, event.id, { status: 'cancelled' });
    expect((await admin.get(`/api/v1/events/${event.id}/notices`)).json()).toEqual({ items: [], cancelledUntold: true });
  });
});
