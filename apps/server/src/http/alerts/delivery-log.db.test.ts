import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryLogItem, DeliverySummary, OutboxItem } from '@safeschools/contract';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { buildNotice, buildOutboxRows } from '../../testing/outbox-rows.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Caller;
let officer: Caller;
let viewer: Caller;
let eventId: string;
let ids: string[];
let east: { id: string; path: string[] };

beforeAll(async () => {
  t = await createTestApp();
  const country = await buildArea(t.database, { name: 'India' });
  east = await buildArea(t.database, { name: 'East Sikkim', parent: country, level: 'district' });
  const kerala = await buildArea(t.database, { name: 'Ernakulam', parent: country, level: 'district' });
  const inSchool = await buildSchool(t.database, { area: east, name: 'Gangtok School' });
  const outSchool = await buildSchool(t.database, { area: kerala, name: 'Kochi School' });
  const o = await buildUser(t.database, { role: 'district_officer', areaIds: [east.id] });
  const v = await buildUser(t.database, { role: 'viewer', areaIds: [east.id] });
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
  officer = await t.signIn(o.email, TEST_PASSWORD);
  viewer = await t.signIn(v.email, TEST_PASSWORD);
  const notice = await buildNotice(t.database, { title: 'Cyclone' });
  eventId = notice.eventId;
  // Written in one statement: equal created_at timestamps, told apart by id order.
  ids = await buildOutboxRows(t.database, notice, [
    { recipientKey: 'contact:g:focal', channel: 'email', address: 'focal@gangtok.example.org', schoolId: inSchool.id, districtId: east.id, state: 'delivered' },
    { recipientKey: 'contact:g:focal', channel: 'sms', address: '+919800000101', schoolId: inSchool.id, districtId: east.id, channelRank: 1, state: 'skipped' },
    { recipientKey: 'contact:g:head', channel: 'sms', address: '+919800000102', schoolId: inSchool.id, districtId: east.id, state: 'failed' },
    { recipientKey: `user:${o.id}`, channel: 'email', address: o.email, districtId: east.id, userId: o.id, state: 'queued' },
    { recipientKey: 'contact:k:focal', channel: 'email', address: 'focal@kochi.example.org', schoolId: outSchool.id, districtId: kerala.id, state: 'sent' },
    { recipientKey: 'contact:k:head', channel: 'whatsapp', address: '+919800000104', schoolId: outSchool.id, districtId: kerala.id, state: 'not_sent', subject: '', body: 'Cyclone warning for Kochi School' },
  ]);
});
afterAll(async () => {
  await t.close();
});

type LogPage = { items: DeliveryLogItem[]; nextCursor: string | null };

describe('GET /api/v1/events/:id/notifications', () => {
  it('pages through every row in the order written, one at a time, without skipping equal timestamps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await admin.get(`/api/v1/events/${eventId}/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode).toBe(200);
      const page: LogPage = r.json<LogPage>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].sort());
  });

  it('a district officer sees the rows of their schools and their own, never Kochi’s', async () => {
    const page = (await officer.get(`/api/v1/events/${eventId}/notifications`)).json<LogPage>();
    expect(page.items.map((i) => i.id).sort()).toEqual(ids.slice(0, 4).sort());
    expect(JSON.stringify(page)).not.toContain('Kochi');
    expect(page.items.find((i) => i.id === ids[0])).toMatchObject({ address: 'focal@gangtok.example.org', schoolName: 'Gangtok School', districtName: 'East Sikkim' });
  });

  it('filters by state, channel, school and area', async () => {
    const get = async (q: string) => (await admin.get(`/api/v1/events/${eventId}/notifications?${q}`)).json<LogPage>().items.map((i) => i.id);
    expect(await get('status=failed')).toEqual([ids[2]]);
    expect(await get('channel=whatsapp')).toEqual([ids[5]]);
    expect((await get(`areaId=${east.id}`)).sort()).toEqual(ids.slice(0, 4).sort());
  });

  it('hides addresses from readers who may not send alerts', async () => {
    const page = (await viewer.get(`/api/v1/events/${eventId}/notifications`)).json<LogPage>();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.address === null)).toBe(true);
  });

  it('refuses a cursor it did not make, and answers 404 for an unknown event', async () => {
    expect((await admin.get(`/api/v1/events/${eventId}/notifications?cursor=bogus`)).json()).toMatchObject({ code: 'CURSOR_INVALID' });
    expect((await admin.get('/api/v1/events/019b0000-0000-7000-8000-00000000ffff/notifications')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/events/:id/notifications/summary', () => {
  it('counts by state, channel and district within scope, and says when sends are in flight', async () => {
    const all = (await admin.get(`/api/v1/events/${eventId}/notifications/summary`)).json<DeliverySummary>();
    expect(all.total).toEqual({ delivered: 1, skipped: 1, failed: 1, queued: 1, sent: 1, not_sent: 1 });
    expect(all.byChannel.sms).toEqual({ skipped: 1, failed: 1 });
    expect(all.byDistrict.map((d) => d.districtName)).toEqual(['East Sikkim', 'Ernakulam']);
    expect(all.inFlight).toBe(true);
    const mine = (await officer.get(`/api/v1/events/${eventId}/notifications/summary`)).json<DeliverySummary>();
    expect(mine.byDistrict.map((d) => d.districtName)).toEqual(['East Sikkim']);
    expect(mine.total).toEqual({ delivered: 1, skipped: 1, failed: 1, queued: 1 });
  });
});

describe('GET /api/v1/outbox', () => {
  it('shows administrators what was not sent, newest first; nobody else', async () => {
    const r = await admin.get('/api/v1/outbox');
    expect(r.statusCode).toBe(200);
    const items = r.json<{ items: OutboxItem[] }>().items;
    expect(items.map((i) => i.id)).toContain(ids[5]);
    expect(items.find((i) => i.id === ids[5])).toMatchObject({ to: '+919800000104', channel: 'whatsapp', body: 'Cyclone warning for Kochi School', eventTitle: 'Cyclone' });
    const [newest] = await t.database.rows<{ id: string }>(sql`SELECT id::text AS id FROM notifications WHERE state = 'not_sent' ORDER BY id DESC LIMIT 1`);
    expect(items[0]!.id).toBe(newest!.id);
    expect((await officer.get('/api/v1/outbox')).statusCode).toBe(403);
  });
});
