import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let adminCaller: Caller;
let india: { id: string; path: string[] };
let sikkim: { id: string; path: string[] };
let gangtok: { id: string; path: string[] };
let kerala: { id: string; path: string[] };

beforeAll(async () => {
  t = await createTestApp();
  india = await buildArea(t.database, { name: 'India', level: 'country' });
  sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  const admin = await buildUser(t.database, { role: 'administrator' });
  adminCaller = await t.signIn(admin.email, TEST_PASSWORD);
});
afterAll(() => t.close());

async function auditCount(entityId: string): Promise<number> {
  const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE entity_id = ${entityId}`);
  return rows[0]!.n;
}

describe('inviting users', () => {
  it('invites a district officer who accepts, signs in and sees only the district', async () => {
    const invited = await adminCaller.request('POST', '/api/v1/users', {
      email: 'officer@district.gov.in',
      role: 'district_officer',
      language: 'hi',
      scope: { areaIds: [gangtok.id] },
    });
    expect(invited.statusCode).toBe(201);
    const { user, invitationPath } = invited.json<{ user: { id: string; status: string; scope: { areas: { name: string }[] } }; invitationPath: string }>();
    expect(user.status).toBe('invited');
    expect(user.scope.areas.map((a) => a.name)).toEqual(['Gangtok']);
    expect(await auditCount(user.id)).toBe(1);

    const token = new URL(invitationPath, 'http://x').searchParams.get('token')!;
    const weak = await t.anonymous.request('POST', '/api/v1/auth/invitations/accept', { token, name: 'Officer', password: 'officer12345' });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    const accepted = await t.anonymous.request('POST', '/api/v1/auth/invitations/accept', { token, name: 'Dorjee Lepcha', password: 'rhododendron valley 7' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ name: 'Dorjee Lepcha', role: 'district_officer', language: 'hi' });
    const again = await t.anonymous.request('POST', '/api/v1/auth/invitations/accept', { token, name: 'X', password: 'another long passphrase' });
    expect(again.json()).toMatchObject({ code: 'INVITATION_INVALID' });

    const officer = await t.signIn('officer@district.gov.in', 'rhododendron valley 7');
    const areas = await officer.get('/api/v1/areas');
    expect(areas.json<{ items: { name: string }[] }>().items.map((a) => a.name)).toEqual(['Gangtok']);
    expect((await officer.get('/api/v1/users')).json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a duplicate email, an empty scope and unknown areas', async () => {
    await buildUser(t.database, { role: 'viewer', email: 'taken@example.org', areaIds: [india.id] });
    const dup = await adminCaller.request('POST', '/api/v1/users', { email: 'TAKEN@example.org', role: 'viewer', scope: { areaIds: [india.id] } });
    expect(dup.json()).toMatchObject({ code: 'EMAIL_TAKEN' });
    const empty = await adminCaller.request('POST', '/api/v1/users', { email: 'e@example.org', role: 'viewer', scope: {} });
    expect(empty.json()).toMatchObject({ code: 'SCOPE_INVALID' });
    const unknown = await adminCaller.request('POST', '/api/v1/users', {
      email: 'u@example.org',
      role: 'viewer',
      scope: { areaIds: ['0190e0a0-0000-7000-8000-00000000beef'] },
    });
    expect(unknown.json()).toMatchObject({ code: 'SCOPE_INVALID' });
  });

  it('keeps a programme manager inside their own scope and below administrator', async () => {
    const manager = await buildUser(t.database, { role: 'programme_manager', areaIds: [sikkim.id] });
    const caller = await t.signIn(manager.email, TEST_PASSWORD);
    const outside = await caller.request('POST', '/api/v1/users', { email: 'k@example.org', role: 'viewer', scope: { areaIds: [kerala.id] } });
    expect(outside.json()).toMatchObject({ code: 'SCOPE_INVALID' });
    const escalate = await caller.request('POST', '/api/v1/users', { email: 'a@example.org', role: 'administrator', scope: { areaIds: [sikkim.id] } });
    expect(escalate.json()).toMatchObject({ code: 'FORBIDDEN' });
    const ok = await caller.request('POST', '/api/v1/users', { email: 'v@example.org', role: 'viewer', scope: { areaIds: [gangtok.id] } });
    expect(ok.statusCode).toBe(201);
    const keralaUser = await buildUser(t.database, { role: 'viewer', areaIds: [kerala.id] });
    const listed = (await caller.get('/api/v1/users?limit=500')).json<{ items: { email: string }[] }>().items.map((u) => u.email);
    expect(listed).toContain('v@example.org');
    expect(listed).not.toContain(keralaUser.email);
    expect((await caller.get(`/api/v1/users/${keralaUser.id}`)).statusCode).toBe(404);
  });
});

describe('changing users', () => {
  it('applies a change once, refuses a stale version, and ends the user\u2019s sessions', async () => {
    const viewer = await buildUser(t.database, { role: 'viewer', areaIds: [sikkim.id] });
    const session = await t.signIn(viewer.email, TEST_PASSWORD);
    const change = await adminCaller.request('PATCH', `/api/v1/users/${viewer.id}`, { version: 1, status: 'disabled' });
    expect(change.statusCode).toBe(200);
    expect(change.json()).toMatchObject({ status: 'disabled', version: 2 });
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const stale = await adminCaller.request('PATCH', `/api/v1/users/${viewer.id}`, { version: 1, role: 'district_officer' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('replays a write with the same Idempotency-Key instead of doing it twice', async () => {
    const body = { email: 'retry@example.org', role: 'viewer', scope: { areaIds: [india.id] } };
    const key = { 'idempotency-key': 'invite-retry-0001' };
    const first = await adminCaller.request('POST', '/api/v1/users', body, key);
    const second = await adminCaller.request('POST', '/api/v1/users', body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<{ user: { id: string } }>().user.id).toBe(first.json<{ user: { id: string } }>().user.id);
    const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM users WHERE email = 'retry@example.org'`);
    expect(rows[0]!.n).toBe(1);
    const other = await adminCaller.request('POST', '/api/v1/users', { ...body, email: 'other@example.org' }, key);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const bad = await adminCaller.request('POST', '/api/v1/users', body, { 'idempotency-key': 'no spaces allowed' });
    expect(bad.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
  });

  it('lists changes since a sync cursor, including disabled users', async () => {
    const first = (await adminCaller.get('/api/v1/users?limit=500')).json<{ syncCursor: string }>();
    const viewer = await buildUser(t.database, { role: 'viewer', areaIds: [india.id] });
    await adminCaller.request('PATCH', `/api/v1/users/${viewer.id}`, { version: 1, name: 'Renamed' });
    const changes = (await adminCaller.get(`/api/v1/users?since=${first.syncCursor}`)).json<{ items: { id: string; name: string }[]; syncCursor: string }>();
    expect(changes.items.map((u) => u.id)).toEqual([viewer.id]);
    expect(changes.items[0]!.name).toBe('Renamed');
    const none = (await adminCaller.get(`/api/v1/users?since=${changes.syncCursor}`)).json<{ items: unknown[] }>();
    expect(none.items).toEqual([]);
    expect((await adminCaller.get('/api/v1/users?since=nonsense')).json()).toMatchObject({ code: 'CURSOR_INVALID' });
  });

  it('keeps at least one administrator', async () => {
    const me = (await adminCaller.get('/api/v1/auth/me')).json<{ id: string }>();
    const self = await adminCaller.request('PATCH', `/api/v1/users/${me.id}`, { version: 1, status: 'disabled' });
    expect(self.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
