import { schoolSafetyInstrument } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import { answersFor } from '../testing/instrument-answers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { buildNotice, buildOutboxRows } from '../testing/outbox-rows.js';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../testing/factories.js';
import { buildCheckInLink } from '../testing/check-in-factories.js';

/**
 * A district officer of Gangtok must not read, list, count or export anything of Kerala. Every API route needs a
 * probe here: adding a route without one fails the first test, so nobody can forget to think about scope.
 */
let t: TestApp;
let officer: Caller;
let admin: Caller;
let officerId: string;
let outside: { areaId: string; schoolId: string; schoolName: string; userId: string; userEmail: string; tokenId: string; fileId: string; jobId: string; importId: string };
let inside: { schoolId: string };

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const kerala = await buildArea(t.database, { name: 'Kerala', level: 'state', parent: india });
  const ernakulam = await buildArea(t.database, { name: 'Ernakulam', level: 'district', parent: kerala });
  inside = { schoolId: (await buildSchool(t.database, { area: gangtok, name: 'Tashi Namgyal Academy', girls: 300, boys: 280 })).id };
  const keralaSchool = await buildSchool(t.database, { area: ernakulam, name: 'Kochi Government School', girls: 500, boys: 450 });
  const keralaUser = await buildUser(t.database, { role: 'district_officer', areaIds: [ernakulam.id] });
  const o = await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] });
  officerId = o.id;
  officer = await t.signIn(o.email, TEST_PASSWORD);
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
  const keralaCaller = await t.signIn(keralaUser.email, TEST_PASSWORD);
  const token = (await keralaCaller.request('POST', '/api/v1/auth/tokens', { name: 'theirs' })).json<{ id: string }>().id;
  const upload = await keralaCaller.request('POST', '/api/v1/files', multipart('kochi.csv', 'text/csv', 'udise_code,name\n32080100101,Kochi\n'), multipartHeaders);
  const fileId = upload.json<{ id: string }>().id;
  const jobId = await t.services.jobs.enqueue('housekeeping', {}, { ownerId: keralaUser.id });
  const started = await keralaCaller.request('POST', '/api/v1/imports', importForm('schools', 'kochi.csv', 'udise_code,name\n32080100101,Kochi\n'), multipartHeaders);
  const importId = started.json<{ id: string }>().id;
  outside = { areaId: ernakulam.id, schoolId: keralaSchool.id, schoolName: keralaSchool.name, userId: keralaUser.id, userEmail: keralaUser.email, tokenId: token, fileId, jobId, importId };
});
afterAll(() => t.close());

const boundary = 'scopeprobeboundary';
const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}` };
function multipart(name: string, type: string, content: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
}

function importForm(kind: string, name: string, content: string, extra: Record<string, string> = {}): string {
  const fields = Object.entries({ kind, ...extra })
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const file = content ? multipart(name, 'text/csv', content).replace(`\r\n--${boundary}--\r\n`, '\r\n') : '';
  return `${fields}${file}--${boundary}--\r\n`;
}

function hidden(response: LightMyRequestResponse): void {
  expect([403, 404]).toContain(response.statusCode);
  expect(response.body).not.toContain('Kochi');
  expect(response.body).not.toContain(outside.userEmail);
}

const probes: Record<string, () => Promise<void>> = {
  'GET /api/health': async () => {
    const r = await t.anonymous.get('/api/health');
    expect(Object.keys(r.json<object>()).sort()).toEqual(['database', 'jobs', 'status', 'uptimeSeconds', 'version']);
  },
  'GET /api/openapi.json': async () => expect((await t.anonymous.get('/api/openapi.json')).body).not.toContain('Kochi'),
  'GET /metrics': async () => expect((await t.anonymous.get('/metrics')).body).not.toContain('Kochi'),
  'GET /api/v1/events/:id/notifications': async () => {
    const { eventId, rowId } = await outsideOutboxRow();
    const r = await officer.get(`/api/v1/events/${eventId}/notifications`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(rowId);
    expect((await admin.get(`/api/v1/events/${eventId}/notifications`)).body).toContain(rowId);
  },
  'GET /api/v1/events/:id/notifications/summary': async () => {
    const { eventId } = await outsideOutboxRow();
    expect((await officer.get(`/api/v1/events/${eventId}/notifications/summary`)).json()).toMatchObject({ total: {}, byDistrict: [] });
  },
  'GET /api/v1/outbox': async () => {
    await outsideOutboxRow();
    expect((await officer.get('/api/v1/outbox')).statusCode).toBe(403);
  },
  // Provider callbacks: unsigned requests are refused before anything is read or written.
  'POST /api/v1/hooks/twilio/status': async () => expect((await t.anonymous.request('POST', '/api/v1/hooks/twilio/status', { status: 'delivered' })).statusCode).toBe(401),
  'POST /api/v1/hooks/twilio/inbound': async () => expect((await t.anonymous.request('POST', '/api/v1/hooks/twilio/inbound', { status: 'delivered' })).statusCode).toBe(401),
  'POST /api/v1/hooks/webhook/status': async () => expect((await t.anonymous.request('POST', '/api/v1/hooks/webhook/status', { status: 'delivered' })).statusCode).toBe(401),
  'POST /api/v1/hooks/webhook/inbound': async () => expect((await t.anonymous.request('POST', '/api/v1/hooks/webhook/inbound', { status: 'delivered' })).statusCode).toBe(401),
  'POST /api/v1/hooks/whatsapp': async () => expect((await t.anonymous.request('POST', '/api/v1/hooks/whatsapp', { status: 'delivered' })).statusCode).toBe(401),
  'GET /api/v1/hooks/whatsapp': async () => expect((await t.anonymous.get('/api/v1/hooks/whatsapp?hub.mode=subscribe&hub.challenge=1')).statusCode).toBe(403),
  'POST /api/v1/auth/login': async () => expect((await t.anonymous.request('POST', '/api/v1/auth/login', { email: outside.userEmail, password: 'wrong password!' })).statusCode).toBe(401),
  'POST /api/v1/auth/logout': async () => {
    const other = await t.signIn(outside.userEmail, TEST_PASSWORD);
    const mine = await t.signIn((await buildUser(t.database, { role: 'viewer', areaIds: [] })).email, TEST_PASSWORD);
    await mine.request('POST', '/api/v1/auth/logout');
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200);
  },
  'GET /api/v1/auth/me': async () => expect((await officer.get('/api/v1/auth/me')).json()).toMatchObject({ id: officerId }),
  'PATCH /api/v1/auth/me': async () => {
    await officer.request('PATCH', '/api/v1/auth/me', { name: 'Officer of Gangtok' });
    const rows = await t.database.rows<{ name: string }>(sql`SELECT name FROM users WHERE id = ${outside.userId}`);
    expect(rows[0]!.name).not.toBe('Officer of Gangtok');
  },
  'POST /api/v1/auth/invitations/accept': async () => {
    const r = await t.anonymous.request('POST', '/api/v1/auth/invitations/accept', { token: 'x'.repeat(43), name: 'x', password: 'long enough password' });
    expect(r.json()).toMatchObject({ code: 'INVITATION_INVALID' });
  },
  'GET /api/v1/auth/tokens': async () => expect((await officer.get('/api/v1/auth/tokens')).body).not.toContain(outside.tokenId),
  'POST /api/v1/auth/tokens': async () => {
    const r = await officer.request('POST', '/api/v1/auth/tokens', { name: 'mine' });
    const rows = await t.database.rows<{ user_id: string }>(sql`SELECT user_id FROM api_tokens WHERE id = ${r.json<{ id: string }>().id}`);
    expect(rows[0]!.user_id).toBe(officerId);
  },
  'DELETE /api/v1/auth/tokens/:id': async () => hidden(await officer.request('DELETE', `/api/v1/auth/tokens/${outside.tokenId}`)),
  // One's own opt-outs: never another person's address, and undoing one touches only one's own.
  'GET /api/v1/auth/me/opt-outs': async () => {
    await t.database.rows(sql`INSERT INTO channel_opt_outs (channel, address, source) VALUES ('email', ${outside.userEmail.toLowerCase()}, 'link') ON CONFLICT DO NOTHING`);
    const r = await officer.get('/api/v1/auth/me/opt-outs');
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain(outside.userEmail.toLowerCase());
  },
  'DELETE /api/v1/auth/me/opt-outs/:channel': async () => {
    await t.database.rows(sql`INSERT INTO channel_opt_outs (channel, address, source) VALUES ('email', ${outside.userEmail.toLowerCase()}, 'link') ON CONFLICT DO NOTHING`);
    expect((await officer.request('DELETE', '/api/v1/auth/me/opt-outs/email')).statusCode).toBe(404);
    const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM channel_opt_outs WHERE address = ${outside.userEmail.toLowerCase()}`);
    expect(rows[0]!.n).toBe(1);
  },
  // Public: the answer is the same for any address and says nothing about the account.
  'POST /api/v1/auth/password-reset': async () => {
    const r = await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: outside.userEmail });
    expect(r.statusCode).toBe(202);
    expect(r.body).not.toContain(outside.userEmail);
  },
  'POST /api/v1/auth/password-reset/confirm': async () => {
    const r = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'long enough password' });
    expect(r.json()).toMatchObject({ code: 'PASSWORD_RESET_INVALID' });
  },
  'GET /api/v1/users': async () => hidden(await officer.get('/api/v1/users')),
  'GET /api/v1/users/:id': async () => hidden(await officer.get(`/api/v1/users/${outside.userId}`)),
  'POST /api/v1/users': async () => hidden(await officer.request('POST', '/api/v1/users', { email: 'x@example.org', role: 'viewer', scope: { areaIds: [outside.areaId] } })),
  'PATCH /api/v1/users/:id': async () => hidden(await officer.request('PATCH', `/api/v1/users/${outside.userId}`, { version: 1, status: 'disabled' })),
  'GET /api/v1/areas': async () => {
    const r = await officer.get(`/api/v1/areas?parent=${outside.areaId}`);
    expect(r.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await officer.get('/api/v1/areas?limit=500')).body).not.toContain('Ernakulam');
  },
  'GET /api/v1/areas/rollup': async () => {
    const r = await officer.get('/api/v1/areas/rollup?level=district');
    expect(r.body).not.toContain('Ernakulam');
    expect(r.json<{ items: { schools: number }[] }>().items.map((i) => i.schools)).toEqual([1]);
  },
  'GET /api/v1/schools': async () => {
    const all = await officer.get('/api/v1/schools?limit=500');
    expect(all.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([inside.schoolId]);
    expect((await officer.get(`/api/v1/schools?area=${outside.areaId}`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await officer.get('/api/v1/schools?q=Kochi')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await officer.get('/api/v1/schools?since=eyJzIjowfQ')).body).not.toContain('Kochi');
  },
  'GET /api/v1/schools/:id': async () => {
    hidden(await officer.get(`/api/v1/schools/${outside.schoolId}`));
    expect((await admin.get(`/api/v1/schools/${outside.schoolId}`)).statusCode).toBe(200);
  },
  'GET /api/v1/reviews': async () => {
    const id = await outsideReview();
    expect((await officer.get('/api/v1/reviews?limit=500')).body).not.toContain(id);
    expect((await officer.get(`/api/v1/reviews?area=${outside.areaId}`)).json()).toEqual({ items: [], nextCursor: null });
    expect((await admin.get('/api/v1/reviews?limit=500')).body).toContain(id);
  },
  'GET /api/v1/reviews/summary': async () => {
    await outsideReview();
    expect((await officer.get('/api/v1/reviews/summary')).json()).toMatchObject({ total: 0 });
    expect((await admin.get('/api/v1/reviews/summary')).json()).toMatchObject({ byKind: { no_location: 1 } });
  },
  'POST /api/v1/reviews/:id/resolve': async () => {
    const id = await outsideReview();
    hidden(await officer.request('POST', `/api/v1/reviews/${id}/resolve`, { version: 1, action: 'dismiss', comment: 'not mine' }));
    const rows = await t.database.rows<{ status: string }>(sql`SELECT status FROM registry_reviews WHERE id = ${id}`);
    expect(rows[0]!.status).toBe('open');
  },
  'GET /api/v1/dashboard': async () => {
    expect((await officer.get('/api/v1/dashboard')).json()).toMatchObject({ schools: 1, children: { total: 580 }, areas: 1 });
    expect((await admin.get('/api/v1/dashboard')).json()).toMatchObject({ schools: 2, children: { total: 1530, schoolsWithFigure: 2, schoolsWithoutFigure: 0 } });
  },
  'GET /api/v1/audit': async () => hidden(await officer.get('/api/v1/audit')),
  'GET /api/v1/jobs/:id': async () => hidden(await officer.get(`/api/v1/jobs/${outside.jobId}`)),
  'POST /api/v1/files': async () => {
    const r = await officer.request('POST', '/api/v1/files', multipart('mine.csv', 'text/csv', 'a,b\n1,2\n'), multipartHeaders);
    expect(r.statusCode).toBe(201);
  },
  'GET /api/v1/files/:id': async () => hidden(await officer.get(`/api/v1/files/${outside.fileId}`)),
  'GET /api/v1/files/:id/content': async () => hidden(await officer.get(`/api/v1/files/${outside.fileId}/content`)),
  'POST /api/v1/imports': async () => {
    const boundaries = await officer.request('POST', '/api/v1/imports', importForm('boundaries', 'b.json', '{"type":"FeatureCollection","features":[]}'), multipartHeaders);
    expect(boundaries.json()).toMatchObject({ code: 'FORBIDDEN' });
    const files = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM files WHERE name = 'b.json'`);
    expect(files[0]!.n).toBe(0);
    hidden(await officer.request('POST', '/api/v1/imports', importForm('schools', '', '', { fromImport: outside.importId }), multipartHeaders));
  },
  'GET /api/v1/imports': async () => {
    expect((await officer.get('/api/v1/imports?limit=500')).body).not.toContain(outside.importId);
    expect((await officer.get('/api/v1/imports?status=queued')).json()).toEqual({ items: [], nextCursor: null });
    expect((await admin.get('/api/v1/imports?limit=500')).body).toContain(outside.importId);
  },
  'GET /api/v1/imports/:id': async () => hidden(await officer.get(`/api/v1/imports/${outside.importId}`)),
  'POST /api/v1/imports/:id/resume': async () =>
    hidden(await officer.request('POST', `/api/v1/imports/${outside.importId}/resume`)),
  'POST /api/v1/imports/:id/abandon': async () =>
    hidden(await officer.request('POST', `/api/v1/imports/${outside.importId}/abandon`)),
  'GET /api/v1/exports/schools': async () => {
    for (const format of ['csv', 'hxl', 'geojson']) expect((await officer.get(`/api/v1/exports/schools?format=${format}`)).body).not.toContain('Kochi');
    expect((await officer.get(`/api/v1/exports/schools?area=${outside.areaId}`)).body).not.toContain('Kochi');
  },
  'GET /api/v1/tiles/schools/:z/:x/:y.mvt': async () => {
    // The whole world in one tile: the officer's tile holds Gangtok's school only.
    const count = async (caller: Caller) => {
      const body = (await caller.get('/api/v1/tiles/schools/0/0/0.mvt')).rawPayload;
      const layer = new VectorTile(new Pbf(body) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers.schools;
      return layer ? Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).properties.count)).reduce((a, b) => a + b, 0) : 0;
    };
    expect(await count(officer)).toBe(1);
    expect(await count(admin)).toBe(2);
    const bigZoom = await officer.get('/api/v1/tiles/schools/12/2915/1893.mvt');
    expect(bigZoom.body).not.toContain('Kochi');
  },
  'POST /api/v1/events': async () => {
    const r = await officer.request('POST', '/api/v1/events', { kind: 'scenario', lon: 88.6, lat: 27.3, depthKm: 10, magnitude: 7 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ totals: { schools: 1, children: { total: 580 } } });
  },
  // Alert rules: a manager scoped to Gangtok neither sees nor changes a Kerala rule, nor makes a rule for Kerala.
  'GET /api/v1/alert-rules': async () => {
    const { manager } = await keralaRule();
    const r = await manager.get('/api/v1/alert-rules');
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('Kochi rule');
    expect(r.json<{ items: unknown[] }>().items).toEqual([]);
  },
  'POST /api/v1/alert-rules': async () => {
    const { manager } = await keralaRule();
    const r = await manager.request('POST', '/api/v1/alert-rules', { name: 'Mine', audiences: ['head_teachers'], scope: { areaIds: [outside.areaId] } });
    expect(r.json()).toMatchObject({ code: 'SCOPE_INVALID' });
  },
  'PATCH /api/v1/alert-rules/:id': async () => {
    const { manager, ruleId } = await keralaRule();
    hidden(await manager.request('PATCH', `/api/v1/alert-rules/${ruleId}`, { version: 1, enabled: false }));
  },
  'DELETE /api/v1/alert-rules/:id': async () => {
    const { manager, ruleId } = await keralaRule();
    hidden(await manager.request('DELETE', `/api/v1/alert-rules/${ruleId}?version=1`));
  },
  // Manual notices: an officer of Gangtok tells (and counts) only the people of Gangtok's schools.
  'POST /api/v1/events/:id/notices/preview': async () => {
    const id = await scenarioEvent();
    const r = await officer.request('POST', `/api/v1/events/${id}/notices/preview`, { audiences: ['district_officers'] });
    expect(r.json()).toMatchObject({ schools: 1, people: 1 });
  },
  'POST /api/v1/events/:id/notices': async () => {
    const id = await scenarioEvent();
    const r = await officer.request('POST', `/api/v1/events/${id}/notices`, { audiences: ['district_officers'] });
    expect(r.statusCode).toBe(201);
    const rows = await t.database.rows<{ user_id: string | null }>(sql`SELECT user_id FROM notifications WHERE notice_id = ${r.json<{ id: string }>().id}`);
    expect(rows.map((x) => x.user_id)).toEqual([officerId]);
  },
  'GET /api/v1/events/:id/notices': async () => {
    const id = await scenarioEvent();
    await admin.request('POST', `/api/v1/events/${id}/notices`, { audiences: ['district_officers'] });
    const items = (await officer.get(`/api/v1/events/${id}/notices`)).json<{ items: { schools: number }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((n) => n.schools <= 1)).toBe(true);
  },
  // Feeds name no school or area; only administrators (feeds.manage) reach them at all.
  'GET /api/v1/feeds': async () => expect((await officer.get('/api/v1/feeds')).statusCode).toBe(403),
  'POST /api/v1/feeds': async () => expect((await officer.request('POST', '/api/v1/feeds', { url: 'http://127.0.0.1:9/feed.xml' })).statusCode).toBe(403),
  'PATCH /api/v1/feeds/:id': async () => expect((await officer.request('PATCH', `/api/v1/feeds/${uuidv7()}`, { enabled: false })).statusCode).toBe(403),
  'DELETE /api/v1/feeds/:id': async () => expect((await officer.request('DELETE', `/api/v1/feeds/${uuidv7()}`)).statusCode).toBe(403),
  'POST /api/v1/feeds/:id/poll': async () => expect((await officer.request('POST', `/api/v1/feeds/${uuidv7()}/poll`)).statusCode).toBe(403),
  'GET /api/v1/events': async () => {
    const id = await scenarioEvent();
    const mine = (await officer.get('/api/v1/events')).json<{ items: { id: string; totals: { schools: number } }[] }>();
    expect(mine.items.find((e) => e.id === id)?.totals.schools).toBe(1);
    const all = (await admin.get('/api/v1/events')).json<{ items: { id: string; totals: { schools: number } }[] }>();
    expect(all.items.find((e) => e.id === id)?.totals.schools).toBe(2);
  },
  'GET /api/v1/events/:id': async () => {
    const id = await scenarioEvent();
    expect((await officer.get(`/api/v1/events/${id}`)).json()).toMatchObject({ totals: { schools: 1, children: { total: 580 } } });
  },
  'GET /api/v1/events/:id/impact': async () => {
    const id = await scenarioEvent();
    const r = await officer.get(`/api/v1/events/${id}/impact`);
    expect(r.json<{ schools: { items: { schoolId: string }[] } }>().schools.items.map((s) => s.schoolId)).toEqual([inside.schoolId]);
    expect(r.body).not.toContain('Kochi');
    expect(r.body).not.toContain('Ernakulam');
    expect((await officer.get(`/api/v1/events/${id}/impact?area=${outside.areaId}`)).json()).toMatchObject({ schools: { items: [] } });
  },
  'GET /api/v1/events/:id/schools': async () => {
    const id = await scenarioEvent();
    for (const format of ['csv', 'hxl', 'geojson']) {
      const r = await officer.get(`/api/v1/events/${id}/schools?format=${format}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Tashi Namgyal Academy');
      expect(r.body).not.toContain('Kochi');
    }
  },
  'GET /api/v1/check-ins/:token': async () => {
    // A link shows its own school and event and nothing else, whoever holds it.
    const { token } = await checkInLinks();
    const body = (await t.anonymous.get(`/api/v1/check-ins/${token.inside}`)).json<object>();
    expect(body).toMatchObject({ schoolName: 'Tashi Namgyal Academy' });
    expect(JSON.stringify(body)).not.toContain('Kochi');
  },
  'POST /api/v1/check-ins/:token': async () => {
    // The school comes from the token: no body can answer for the Kochi school through a Gangtok link.
    const { eventId, token } = await checkInLinks();
    const r = await t.anonymous.request('POST', `/api/v1/check-ins/${token.inside}`, { status: 'need_help', schoolId: outside.schoolId });
    expect(r.statusCode).toBe(400);
    expect((await t.anonymous.request('POST', `/api/v1/check-ins/${token.inside}`, { status: 'need_help' })).statusCode).toBe(200);
    const rows = await t.database.rows<{ school_id: string }>(sql`SELECT school_id FROM check_ins WHERE event_id = ${eventId}`);
    expect(rows.map((row) => row.school_id)).not.toContain(outside.schoolId);
  },
  'GET /api/v1/events/:id/check-ins': async () => {
    const { eventId, token } = await checkInLinks();
    expect((await t.anonymous.request('POST', `/api/v1/check-ins/${token.outside}`, { status: 'all_safe' })).statusCode).toBe(200);
    const r = await officer.get(`/api/v1/events/${eventId}/check-ins?silentMinutes=0`);
    expect(r.json<{ schools: { schoolId: string }[] }>().schools.map((s) => s.schoolId)).toEqual([inside.schoolId]);
    expect(r.body).not.toContain('Kochi');
    expect(r.body).not.toContain(outside.schoolId);
    expect((await admin.get(`/api/v1/events/${eventId}/check-ins`)).body).toContain('Kochi');
  },
  'GET /api/v1/schools/:id/plan': async () => {
    await outsideSafety();
    hidden(await officer.get(`/api/v1/schools/${outside.schoolId}/plan`));
  },
  'PUT /api/v1/schools/:id/plan': async () => {
    const { planId } = await outsideSafety();
    hidden(await (await insideFocal()).request('PUT', `/api/v1/schools/${outside.schoolId}/plan`, { version: 1, content: { resources: [] } }));
    const rows = await t.database.rows<{ version: number }>(sql`SELECT version FROM sdm_plans WHERE id = ${planId}`);
    expect(rows[0]!.version).toBe(1);
  },
  'POST /api/v1/plans/:id/transitions': async () => {
    const { planId } = await outsideSafety();
    hidden(await officer.request('POST', `/api/v1/plans/${planId}/transitions`, { action: 'return', comments: 'x', version: 1 }));
  },
  'POST /api/v1/plans/:id/submit': async () => {
    const focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [inside.schoolId] })).email, TEST_PASSWORD);
    hidden(await focal.request('POST', `/api/v1/plans/${(await outsideSafety()).planId}/submit`, { version: 1 }));
  },
  'POST /api/v1/plans/:id/approve': async () => hidden(await officer.request('POST', `/api/v1/plans/${(await outsideSafety()).planId}/approve`, { version: 1 })),
  'POST /api/v1/plans/:id/return': async () => hidden(await officer.request('POST', `/api/v1/plans/${(await outsideSafety()).planId}/return`, { comments: 'x', version: 1 })),
  'GET /api/v1/assessments/:id/report': async () => {
    const id = await outsideAssessment();
    hidden(await officer.get(`/api/v1/assessments/${id}/report`));
    expect((await admin.get(`/api/v1/assessments/${id}/report`)).json()).toMatchObject({ assessmentId: id, triage: { flagged: true } });
  },
  'GET /api/v1/plans': async () => {
    await outsideSafety();
    expect((await officer.get('/api/v1/plans?limit=500')).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/plans?area=${outside.areaId}`)).json()).toEqual({ items: [], nextCursor: null });
    expect((await admin.get('/api/v1/plans?limit=500')).body).toContain(outside.schoolId);
  },
  'GET /api/v1/plans/:id/pdf': async () => hidden(await officer.get(`/api/v1/plans/${(await outsideSafety()).planId}/pdf`)),
  'POST /api/v1/schools/:id/drills': async () => {
    hidden(await (await insideFocal()).request('POST', `/api/v1/schools/${outside.schoolId}/drills`, { ...probeDrill, correctiveActions: [] }));
  },
  'GET /api/v1/schools/:id/drills': async () => {
    await outsideSafety();
    hidden(await officer.get(`/api/v1/schools/${outside.schoolId}/drills`));
  },
  'PATCH /api/v1/drills/:id/corrective-actions/:actionId': async () => {
    const { drillId } = await outsideSafety();
    hidden(await (await insideFocal()).request('PATCH', `/api/v1/drills/${drillId}/corrective-actions/a1`, { status: 'done', version: 1 }));
  },
  'GET /api/v1/drills/due': async () => {
    const mine = (await officer.get('/api/v1/drills/due?limit=500')).json<{ items: { schoolId: string }[] }>();
    expect(mine.items.map((i) => i.schoolId)).toEqual([inside.schoolId]);
    expect((await officer.get(`/api/v1/drills/due?area=${outside.areaId}`)).json()).toEqual({ items: [], nextCursor: null });
  },
  'GET /api/v1/drills/trend': async () => {
    await outsideSafety();
    expect((await officer.get('/api/v1/drills/trend')).json()).toMatchObject({ schools: 0, drills: 0 });
    expect((await admin.get('/api/v1/drills/trend')).json()).toMatchObject({ schools: 1, drills: 1 });
  },
  'GET /api/v1/training-modules': async () => expect((await officer.get('/api/v1/training-modules')).body).not.toContain('Kochi'),
  'POST /api/v1/schools/:id/training-sessions': async () => {
    const body = { moduleId: 'tf-first-aid', heldOn: '2026-04-02', facilitator: { name: 'x' }, audience: 'teachers', attendeePersonIds: [], participants: { female: 1, male: 1, other: 0, withDisability: 0 } };
    hidden(await (await insideFocal()).request('POST', `/api/v1/schools/${outside.schoolId}/training-sessions`, body));
  },
  'GET /api/v1/schools/:id/training-sessions': async () => hidden(await officer.get(`/api/v1/schools/${outside.schoolId}/training-sessions`)),
  'GET /api/v1/instruments': async () => expect((await officer.get('/api/v1/instruments')).body).not.toContain('Kochi'),
  'GET /api/v1/instruments/:id': async () => expect((await officer.get(`/api/v1/instruments/${schoolSafetyInstrument.id}`)).body).not.toContain('Kochi'),
  'POST /api/v1/instruments': async () => expect((await officer.request('POST', '/api/v1/instruments', { ...schoolSafetyInstrument, version: 99 })).json()).toMatchObject({ code: 'FORBIDDEN' }),
  'PUT /api/v1/assessments/:id': async () => {
    const focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [inside.schoolId] })).email, TEST_PASSWORD);
    const body = { schoolId: outside.schoolId, instrumentId: schoolSafetyInstrument.id, instrumentVersion: schoolSafetyInstrument.version, answers: {} };
    hidden(await focal.request('PUT', `/api/v1/assessments/${uuidv7()}`, body));
    // Nor can an id of another school's assessment be taken over.
    hidden(await focal.request('PUT', `/api/v1/assessments/${await outsideAssessment()}`, { ...body, schoolId: inside.schoolId, version: 1 }));
  },
  'GET /api/v1/assessments/:id': async () => hidden(await officer.get(`/api/v1/assessments/${await outsideAssessment()}`)),
  'GET /api/v1/schools/:id/assessments': async () => hidden(await officer.get(`/api/v1/schools/${outside.schoolId}/assessments`)),
  'GET /api/v1/assessments': async () => {
    await outsideAssessment();
    expect((await officer.get('/api/v1/assessments?limit=500')).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/assessments?since=${Buffer.from('{"s":0}').toString('base64url')}`)).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/assessments?area=${outside.areaId}`)).json()).toMatchObject({ items: [] });
    expect((await admin.get('/api/v1/assessments?limit=500')).body).toContain(outside.schoolId);
  },
  'GET /api/v1/flagged-schools': async () => {
    await outsideAssessment();
    expect((await officer.get('/api/v1/flagged-schools')).json()).toEqual({ items: [] });
    expect((await admin.get('/api/v1/flagged-schools')).body).toContain('Kochi');
  },
  'PUT /api/v1/inspections/:id': async () => hidden(await officer.request('PUT', `/api/v1/inspections/${uuidv7()}`, kochiInspection())),
  'GET /api/v1/schools/:id/inspections': async () => hidden(await officer.get(`/api/v1/schools/${outside.schoolId}/inspections`)),
  'GET /api/v1/inspections': async () => {
    expect((await admin.request('PUT', `/api/v1/inspections/${uuidv7()}`, kochiInspection())).statusCode).toBe(201);
    expect((await officer.get('/api/v1/inspections?limit=500')).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/inspections?since=${Buffer.from('{"s":0}').toString('base64url')}`)).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/inspections?school=${outside.schoolId}`)).json()).toMatchObject({ items: [] });
    expect((await admin.get('/api/v1/inspections?limit=500')).body).toContain(outside.schoolId);
  },
  'GET /api/v1/priority-list': async () => {
    expect((await admin.request('PUT', `/api/v1/inspections/${uuidv7()}`, kochiInspection())).statusCode).toBe(201);
    expect((await admin.get('/api/v1/priority-list?budget=100000000000')).body).toContain('Kochi');
    expect((await officer.get('/api/v1/priority-list?budget=100000000000')).json()).toMatchObject({ items: [], candidates: 0 });
  },
  'GET /api/v1/readiness': async () => {
    await outsideAssessment();
    const mine = await officer.get('/api/v1/readiness');
    expect(mine.json()).toMatchObject({ schools: 1, flagged: { count: 0 } });
    expect(mine.body).not.toContain(outside.schoolId);
  },
  'GET /api/v1/readiness/schools': async () => {
    await outsideAssessment();
    expect((await officer.get('/api/v1/readiness/schools?filter=no-plan&limit=500')).json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([inside.schoolId]);
    expect((await officer.get(`/api/v1/readiness/schools?filter=flagged&area=${outside.areaId}`)).json()).toEqual({ items: [], nextCursor: null });
  },
  'GET /api/v1/readiness/export': async () => {
    const csv = await officer.get('/api/v1/readiness/export?format=csv');
    expect(csv.body).toContain('Tashi Namgyal Academy');
    expect(csv.body).not.toContain('Kochi');
  },
  'POST /api/v1/drills': async () => hidden(await (await insideFocal()).request('POST', '/api/v1/drills', { ...probeDrill, schoolId: outside.schoolId })),
  'GET /api/v1/drills': async () => {
    await outsideSafety();
    expect((await officer.get('/api/v1/drills?limit=500')).body).not.toContain(outside.schoolId);
    expect((await officer.get(`/api/v1/drills?since=${Buffer.from('{"s":0}').toString('base64url')}`)).body).not.toContain(outside.schoolId);
    expect((await admin.get('/api/v1/drills?limit=500')).body).toContain(outside.schoolId);
  },
  'POST /api/v1/trainings': async () => {
    const body = { schoolId: outside.schoolId, moduleId: 'tf-first-aid', heldOn: '2026-04-02', facilitator: { name: 'x' }, audience: 'teachers', attendeePersonIds: [], participants: { female: 1, male: 1, other: 0, withDisability: 0 } };
    hidden(await (await insideFocal()).request('POST', '/api/v1/trainings', body));
  },
  'GET /api/v1/trainings': async () => {
    const body = { schoolId: outside.schoolId, moduleId: 'tf-first-aid', heldOn: '2026-04-02', facilitator: { name: 'x' }, audience: 'teachers', attendeePersonIds: [], participants: { female: 1, male: 1, other: 0, withDisability: 0 } };
    expect((await admin.request('POST', '/api/v1/trainings', body)).statusCode).toBe(201);
    expect((await officer.get('/api/v1/trainings?limit=500')).body).not.toContain(outside.schoolId);
    expect((await admin.get('/api/v1/trainings?limit=500')).body).toContain(outside.schoolId);
  },
  'GET /api/v1/countries/:code/settings': async () => expect((await officer.get('/api/v1/countries/IN/settings')).body).not.toContain('Kochi'),
  'PUT /api/v1/countries/:code/settings': async () => {
    // A district officer approves plans but does not hold the country: settings for all its schools are not theirs.
    const r = await officer.request('PUT', '/api/v1/countries/IN/settings', { defaultDrillIntervalMonths: 3, drillIntervalMonths: {}, version: 0 });
    expect(r.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await officer.get('/api/v1/countries/IN/settings')).json()).toMatchObject({ version: 0 });
  },
};

// A placement review of the Kochi school, as an import would leave it.
let outsideReviewId: Promise<string> | undefined;
function outsideReview(): Promise<string> {
  outsideReviewId ??= (async () => {
    const id = uuidv7();
    const path = `{${(await t.database.rows<{ path: string[] }>(sql`SELECT path FROM areas WHERE id = ${outside.areaId}`))[0]!.path.join(',')}}`;
    await t.database.rows(sql`INSERT INTO registry_reviews (id, school_id, area_id, area_path, kind) VALUES (${id}, ${outside.schoolId}, ${outside.areaId}, ${path}::uuid[], 'no_location')`);
    return id;
  })();
  return outsideReviewId;
}

// A technical inspection of the Kochi school that calls for work (a critical foundation).
function kochiInspection() {
  const rated = (id: string, section: string, rating: number) => ({ id, section, rating, photoFileIds: [] });
  return {
    schoolId: outside.schoolId,
    buildingName: 'Main block',
    inspectedOn: '2026-10-01',
    inspector: { name: 'Er. K. Menon', qualification: 'M.Tech structural' },
    floorAreaM2: 300,
    storeys: 2,
    items: [rated('slope_stability', 'site', 1), rated('foundation', 'structure', 4), rated('soft_storey', 'local_weaknesses', 1), rated('electrical', 'non_structural', 1), rated('exits_and_stairs', 'functional', 1)],
  };
}

// A submitted, flagged self-assessment of the Kochi school, made once by the administrator.
let outsideAssessmentId: Promise<string> | undefined;
function outsideAssessment(): Promise<string> {
  outsideAssessmentId ??= (async () => {
    const id = uuidv7();
    const body = { schoolId: outside.schoolId, instrumentId: schoolSafetyInstrument.id, instrumentVersion: schoolSafetyInstrument.version, answers: answersFor(schoolSafetyInstrument, 'worst'), hazardContext: { seismicZone: 'V' }, submit: true };
    const r = await admin.request('PUT', `/api/v1/assessments/${id}`, body);
    expect(r.statusCode).toBe(201);
    return id;
  })();
  return outsideAssessmentId;
}

const probeDrill = {
  hazard: 'earthquake',
  scenario: 'Probe',
  startedAt: '2026-01-10T10:00:00+05:30',
  participants: { girls: 1, boys: 1, otherChildren: 0, childrenWithSpecialNeeds: 0, teachers: 1, staff: 0 },
  observers: [],
  times: { classroomsOutSeconds: 50 },
  missingPersons: 0,
  whatWentWrong: [],
  correctiveActions: [{ id: 'a1', description: 'Fix the stair door', owner: 'Head', dueOn: '2026-02-01', status: 'open', planSection: 'evacuationRoutes' }],
};

// A plan and a drill of the Kochi school, made once by the administrator; a focal point of the Gangtok school.
let outsideSafetyRows: Promise<{ planId: string; drillId: string }> | undefined;
function outsideSafety(): Promise<{ planId: string; drillId: string }> {
  outsideSafetyRows ??= (async () => {
    const plan = await admin.request('PUT', `/api/v1/schools/${outside.schoolId}/plan`, {});
    const drill = await admin.request('POST', `/api/v1/schools/${outside.schoolId}/drills`, probeDrill);
    expect([plan.statusCode, drill.statusCode]).toEqual([200, 201]);
    return { planId: plan.json<{ id: string }>().id, drillId: drill.json<{ id: string }>().id };
  })();
  return outsideSafetyRows;
}
let focalCaller: Promise<Caller> | undefined;
function insideFocal(): Promise<Caller> {
  focalCaller ??= buildUser(t.database, { role: 'school_focal_point', schoolIds: [inside.schoolId] }).then((u) => t.signIn(u.email, TEST_PASSWORD));
  return focalCaller;
}

// Check-in links of both schools for the scenario event, as the fan-out writes them.
let checkInLinkRows: Promise<{ eventId: string; token: { inside: string; outside: string } }> | undefined;
function checkInLinks() {
  checkInLinkRows ??= (async () => {
    const eventId = await scenarioEvent();
    const notice = uuidv7();
    await t.database.rows(sql`INSERT INTO event_notices (id, event_id, kind, content_key) VALUES (${notice}, ${eventId}, 'manual', 'scope-probe')`);
    const event = { id: eventId, noticeId: notice };
    const mine = await buildCheckInLink(t.database, { event, schoolId: inside.schoolId });
    const theirs = await buildCheckInLink(t.database, { event, schoolId: outside.schoolId });
    return { eventId, token: { inside: mine.token, outside: theirs.token } };
  })();
  return checkInLinkRows;
}

let keralaRuleMade: Promise<{ manager: Caller; ruleId: string }> | undefined;
function keralaRule(): Promise<{ manager: Caller; ruleId: string }> {
  keralaRuleMade ??= (async () => {
    const ruleId = uuidv7();
    await t.database.rows(
      sql`INSERT INTO alert_rules (id, name, audiences, scope_area_ids) VALUES (${ruleId}, 'Kochi rule', '{head_teachers}', ${`{${outside.areaId}}`}::uuid[])`,
    );
    const m = await buildUser(t.database, { role: 'programme_manager', schoolIds: [inside.schoolId] });
    return { manager: await t.signIn(m.email, TEST_PASSWORD), ruleId };
  })();
  return keralaRuleMade;
}

// An outbox row (not sent) for the Kochi school, outside the officer's scope.
let outsideOutbox: Promise<{ eventId: string; rowId: string }> | undefined;
function outsideOutboxRow(): Promise<{ eventId: string; rowId: string }> {
  outsideOutbox ??= (async () => {
    const notice = await buildNotice(t.database);
    const [rowId] = await buildOutboxRows(t.database, notice, [
      { recipientKey: `contact:${outside.schoolId}:focal`, channel: 'email', address: 'focal@kochi.example.org', schoolId: outside.schoolId, state: 'not_sent' },
    ]);
    return { eventId: notice.eventId, rowId: rowId! };
  })();
  return outsideOutbox;
}

// Both schools stand at the same point, so a strong scenario there reaches both.
let scenario: Promise<string> | undefined;
function scenarioEvent(): Promise<string> {
  scenario ??= admin
    .request('POST', '/api/v1/events', { kind: 'scenario', lon: 88.6, lat: 27.3, depthKm: 10, magnitude: 7 })
    .then((r) => r.json<{ id: string }>().id);
  return scenario;
}

describe('geographic scope on every route', () => {
  it('has a probe for every route that exists, and no probe for a route that does not', () => {
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in probes))).toEqual([]);
    expect(Object.keys(probes).filter((p) => !routes.includes(p))).toEqual([]);
  });

  for (const [name, probe] of Object.entries(probes)) it(`keeps ${name} within scope`, probe);
});
