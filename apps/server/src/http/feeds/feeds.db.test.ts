import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeeds } from '../../domain/events/poll-feeds.js';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

interface Feed {
  id: string;
  url: string;
  name: string;
  kind: string;
  enabled: boolean;
  source: string;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastEntries: number | null;
  errorCount: number;
  lastError: string | null;
}

let t: TestApp;
let admin: Caller;
let manager: Caller;
let server: Server;
let base: string;
let feedBody = '';

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const east = await buildArea(t.database, { name: 'East Sikkim', level: 'district', parent: india });
  await buildSchool(t.database, { area: east, name: 'Gangtok School', lon: 88.61, lat: 27.33, girls: 100, boys: 90 });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  manager = await t.signIn((await buildUser(t.database, { role: 'programme_manager', areaIds: [india.id] })).email, TEST_PASSWORD);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/geo+json' });
    res.end(feedBody);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
});

// The scheduled poll, with EVENT_FEEDS as given; the configured address answers 503 here (nothing leaves the machine).
const syncFeeds = async (urls: string[]) =>
  pollFeeds({ database: t.database, engine: t.services.impactEngine, urls, fetcher: async () => new Response('unavailable', { status: 503 }) });

describe('feeds API', () => {
  it('lets an administrator add a loopback USGS feed, poll it now and see its status; the earthquake is an estimated event', async () => {
    const time = Date.parse('2026-12-12T02:00:00Z');
    feedBody = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'us7000api1',
          properties: { mag: 6.0, place: 'Gangtok, India', time, updated: time + 60_000, ids: ',us7000api1,', type: 'earthquake', status: 'automatic' },
          geometry: { type: 'Point', coordinates: [88.6, 27.3, 10] },
        },
      ],
    });
    const added = await admin.request('POST', '/api/v1/feeds', { url: `${base}/summary/4.5_hour.geojson`, name: 'USGS M4.5+', kind: 'usgs' });
    expect(added.statusCode).toBe(201);
    const feed = added.json<Feed>();
    expect(feed).toMatchObject({ name: 'USGS M4.5+', kind: 'usgs', enabled: true, source: 'app', lastPolledAt: null, lastEntries: null, errorCount: 0 });

    const polled = await admin.request('POST', `/api/v1/feeds/${feed.id}/poll`);
    expect(polled.statusCode).toBe(200);
    expect(polled.json()).toMatchObject({ entries: 1, created: 1, failed: [], feed: { id: feed.id, lastEntries: 1, errorCount: 0, lastError: null } });
    const events = (await admin.get('/api/v1/events')).json<{ items: { kind: string; estimated: boolean; status: string; totals: { schools: number } }[] }>();
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ kind: 'estimate', estimated: true, status: 'actual', totals: { schools: 1 } });

    const listed = (await admin.get('/api/v1/feeds')).json<{ items: Feed[] }>().items;
    expect(listed.find((f) => f.id === feed.id)?.lastSuccessAt).not.toBeNull();
    const audits = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'hazard_feed' ORDER BY at`);
    expect(audits.map((a) => a.action)).toEqual(['feed.add', 'feed.poll']);
  });

  it('turns feeds off and on, removes app feeds only, and refuses duplicates and bad addresses', async () => {
    await syncFeeds(['https://www.gdacs.org/xml/rss.xml']);
    const listed = (await admin.get('/api/v1/feeds')).json<{ items: Feed[] }>().items;
    const configured = listed.find((f) => f.source === 'config')!;
    expect(configured).toMatchObject({ url: 'https://www.gdacs.org/xml/rss.xml', kind: 'auto', enabled: true });

    const off = await admin.request('PATCH', `/api/v1/feeds/${configured.id}`, { enabled: false, name: 'GDACS' });
    expect(off.json()).toMatchObject({ enabled: false, name: 'GDACS' });
    // The configuration does not turn back on what an administrator turned off.
    await syncFeeds(['https://www.gdacs.org/xml/rss.xml']);
    expect((await admin.get('/api/v1/feeds')).json<{ items: Feed[] }>().items.find((f) => f.id === configured.id)?.enabled).toBe(false);
    expect((await admin.request('DELETE', `/api/v1/feeds/${configured.id}`)).json()).toMatchObject({ code: 'FEED_CONFIGURED' });

    const dup = await admin.request('POST', '/api/v1/feeds', { url: 'https://www.gdacs.org/xml/rss.xml' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'FEED_EXISTS' });
    for (const body of [{ url: 'ftp://example.org/feed' }, { url: 'not a url' }, { url: 'https://example.org/a', kind: 'rss' }, { url: 'https://example.org/a', extra: 1 }]) {
      const r = await admin.request('POST', '/api/v1/feeds', body);
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const app = (await admin.request('POST', '/api/v1/feeds', { url: 'https://example.org/cap.atom', kind: 'cap' })).json<Feed>();
    expect((await admin.request('PATCH', `/api/v1/feeds/${app.id}`, {})).statusCode).toBe(400);
    expect((await admin.request('DELETE', `/api/v1/feeds/${app.id}`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `/api/v1/feeds/${app.id}`)).statusCode).toBe(404);
    expect((await admin.request('POST', `/api/v1/feeds/${app.id}/poll`)).statusCode).toBe(404);
    // syncFeeds never removes a feed added in the app.
    await syncFeeds([]);
    const after = (await admin.get('/api/v1/feeds')).json<{ items: Feed[] }>().items;
    expect(after.map((f) => f.source)).toEqual(['app']);
  });

  it('is for administrators only', async () => {
    expect((await manager.get('/api/v1/feeds')).statusCode).toBe(403);
    expect((await manager.request('POST', '/api/v1/feeds', { url: 'https://example.org/x.atom' })).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/feeds')).statusCode).toBe(401);
  });
});
