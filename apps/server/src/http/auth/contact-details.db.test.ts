import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: Caller;
let district: { id: string; path: string[] };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  district = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
});
afterAll(() => t.close());

type MeBody = { phone: string | null; channels: string[]; name: string; language: string };

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY at, id`);
  return rows.map((r) => r.action);
}

describe('a user edits their own phone and channels', () => {
  it('stores the phone in E.164 and the channels in the order given, and shows them on me', async () => {
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [district.id] });
    const me = await t.signIn(u.email, TEST_PASSWORD);
    expect((await me.get('/api/v1/auth/me')).json<MeBody>()).toMatchObject({ phone: null, channels: ['email'] });

    const saved = await me.request('PATCH', '/api/v1/auth/me', { name: 'Pema', language: 'hi', phone: '098765 43210', channels: ['sms', 'email'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<MeBody>()).toMatchObject({ name: 'Pema', language: 'hi', phone: '+919876543210', channels: ['sms', 'email'] });
    const [row] = await t.database.rows<{ phone: string; channels: string[] }>(sql`SELECT phone, channels FROM users WHERE id = ${u.id}`);
    expect(row).toEqual({ phone: '+919876543210', channels: ['sms', 'email'] });
    expect(await auditActions(u.id)).toContain('user.update-self');

    const japanese = await me.request('PATCH', '/api/v1/auth/me', { phone: '+81 90-1234-5678', channels: ['whatsapp', 'sms', 'email'] });
    expect(japanese.json<MeBody>()).toMatchObject({ phone: '+819012345678', channels: ['whatsapp', 'sms', 'email'] });
  });

  it('refuses an invalid phone with PHONE_INVALID and writes nothing', async () => {
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [district.id] });
    const me = await t.signIn(u.email, TEST_PASSWORD);
    for (const phone of ['12345', 'call me', '+91 1234']) {
      const refused = await me.request('PATCH', '/api/v1/auth/me', { phone });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'PHONE_INVALID', errors: [{ path: 'phone', code: 'PHONE_INVALID' }] });
    }
    const [row] = await t.database.rows<{ phone: string | null; version: number }>(sql`SELECT phone, version FROM users WHERE id = ${u.id}`);
    expect(row).toEqual({ phone: null, version: 1 });
  });

  it('refuses SMS or WhatsApp without a phone, also when the phone is removed, and unknown or repeated channels', async () => {
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [district.id] });
    const me = await t.signIn(u.email, TEST_PASSWORD);
    expect((await me.request('PATCH', '/api/v1/auth/me', { channels: ['email', 'sms'] })).json()).toMatchObject({ code: 'CHANNEL_NEEDS_ADDRESS' });
    expect((await me.request('PATCH', '/api/v1/auth/me', { channels: ['pigeon'] })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await me.request('PATCH', '/api/v1/auth/me', { channels: ['email', 'email'] })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await me.request('PATCH', '/api/v1/auth/me', { channels: [] })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await me.request('PATCH', '/api/v1/auth/me', { phone: '9876543210', channels: ['whatsapp'] })).statusCode).toBe(200);
    const removing = await me.request('PATCH', '/api/v1/auth/me', { phone: null });
    expect(removing.json()).toMatchObject({ code: 'CHANNEL_NEEDS_ADDRESS' });
    const both = await me.request('PATCH', '/api/v1/auth/me', { phone: null, channels: ['email'] });
    expect(both.json<MeBody>()).toMatchObject({ phone: null, channels: ['email'] });
  });
});

describe('administrators edit phone and channels', () => {
  it('updates them through the users API with the same validation', async () => {
    const u = await buildUser(t.database, { role: 'district_officer', areaIds: [district.id] });
    const bad = await admin.request('PATCH', `/api/v1/users/${u.id}`, { version: 1, phone: '0000' });
    expect(bad.json()).toMatchObject({ code: 'PHONE_INVALID' });
    const noPhone = await admin.request('PATCH', `/api/v1/users/${u.id}`, { version: 1, channels: ['sms'] });
    expect(noPhone.json()).toMatchObject({ code: 'CHANNEL_NEEDS_ADDRESS' });
    const ok = await admin.request('PATCH', `/api/v1/users/${u.id}`, { version: 1, phone: '+91 98300 12345', channels: ['sms', 'email'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '+919830012345', channels: ['sms', 'email'], version: 2 });
    const listed = await admin.get(`/api/v1/users/${u.id}`);
    expect(listed.json()).toMatchObject({ phone: '+919830012345', channels: ['sms', 'email'] });
    expect(await auditActions(u.id)).toEqual(['user.update']);
  });
});
