import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { systemActor, type Ctx } from '../shared/context.js';
import { ImpactEngine } from './impact-engine.js';
import { ingestHazard } from './ingest-hazard.js';
import { pollFeeds } from './poll-feeds.js';
import { readHazardFile } from './read-hazard-file.js';

/**
 * Early earthquake events: a USGS GeoJSON feed entry near the Sikkim demo schools becomes an estimated event in one
 * poll; its ShakeMap replaces the estimate in the same event (by id or alias, else by time and place); a GDACS
 * entry whose CAP message cannot be fetched still becomes an event. Feeds are served on loopback.
 */
let database: Database;
let engine: ImpactEngine;
let server: Server;
let base: string;
let deadBase: string;
const files: Record<string, { type: string; body: string; status?: number }> = {};
const hits: Record<string, number> = {};
const enqueued: { kind: string; payload: unknown }[] = [];
const jobs = {
  enqueue: async (kind: string, payload: unknown) => {
    enqueued.push({ kind, payload });
    return `job-${enqueued.length}`;
  },
} as unknown as JobQueue;

const ORIGIN = Date.parse('2026-12-10T04:30:00Z');

function usgsFeature(id: string, p: { ids?: string; mag: number; lon: number; lat: number; depth: number; time: number; updated: number; place: string }) {
  return {
    type: 'Feature',
    properties: { mag: p.mag, place: p.place, time: p.time, updated: p.updated, url: `https://earthquake.usgs.gov/earthquakes/eventpage/${id}`, status: 'automatic', net: 'us', code: id.slice(2), ids: p.ids ?? `,${id},`, type: 'earthquake', title: `M ${p.mag} - ${p.place}` },
    geometry: { type: 'Point', coordinates: [p.lon, p.lat, p.depth] },
    id,
  };
}
const usgsFeed = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', metadata: { title: 'USGS Magnitude 4.5+ Past Hour' }, features });

/** A small ShakeMap grid.xml as USGS writes it: MMI falling off with distance from the epicentre. */
function shakeMapGrid(o: { id: string; version: number; lon: number; lat: number; time: string; magnitude: number; peak: number }): string {
  const rows: string[] = [];
  const step = 0.05;
  const lonMin = 87.8;
  const latMax = 28.1;
  const n = 33;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const lon = lonMin + c * step;
      const lat = latMax - r * step;
      const km = Math.hypot((lon - o.lon) * 98.5, (lat - o.lat) * 111.2);
      const mmi = Math.max(1, o.peak - km / 25);
      rows.push(`${lon.toFixed(4)} ${lat.toFixed(4)} ${(mmi * 4).toFixed(2)} ${mmi.toFixed(2)}`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<shakemap_grid xmlns="http://earthquake.usgs.gov/eqcenter/shakemap" event_id="${o.id}" shakemap_id="${o.id}" shakemap_version="${o.version}" code_version="4.0" process_timestamp="2026-12-10T04:55:00Z" shakemap_originator="us" map_status="RELEASED" shakemap_event_type="ACTUAL">
<event event_id="${o.id}" magnitude="${o.magnitude}" depth="10" lat="${o.lat}" lon="${o.lon}" event_timestamp="${o.time}" event_network="us" event_description="SIKKIM, INDIA" />
<grid_specification lon_min="${lonMin}" lat_min="${(latMax - (n - 1) * step).toFixed(4)}" lon_max="${(lonMin + (n - 1) * step).toFixed(4)}" lat_max="${latMax}" nominal_lon_spacing="${step}" nominal_lat_spacing="${step}" nlon="${n}" nlat="${n}" />
<grid_field index="1" name="LON" units="dd" />
<grid_field index="2" name="LAT" units="dd" />
<grid_field index="3" name="PGA" units="pctg" />
<grid_field index="4" name="MMI" units="intensity" />
<grid_data>
${rows.join('\n')}
</grid_data>
</shakemap_grid>`;
}

const ctx = (): Ctx => ({ database, tx: database.db, actor: systemActor, requestId: 'upload', now: new Date() });
const upload = (xml: string) => ingestHazard(ctx(), engine, readHazardFile(new TextEncoder().encode(xml), 'grid.xml'), { jobs });

interface EventFacts {
  id: string;
  kind: string;
  estimated: boolean;
  status: string;
  title: string;
  source_keys: string[];
  details: Record<string, unknown>;
  warnings: { code: string }[];
  schools: number;
}
async function eventsWith(key: string): Promise<EventFacts[]> {
  return database.rows<EventFacts & Record<string, unknown>>(
    sql`SELECT e.id, e.kind, e.estimated, e.status, e.title, e.source_keys, e.details, e.warnings,
               (SELECT count(*)::int FROM hazard_event_schools s WHERE s.event_id = e.id) AS schools
          FROM hazard_events e WHERE ${key} = ANY(e.source_keys)`,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  engine = new ImpactEngine(database);
  const india = await buildArea(database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(database, { name: 'Sikkim', level: 'state', parent: india });
  const district = await buildArea(database, { name: 'Gangtok', level: 'district', parent: sikkim });
  // The demo's real Sikkim schools (UDISE), every 25th of them.
  const tsv = await readFile(new URL('../../../demo/sikkim-schools.tsv', import.meta.url), 'utf8');
  const lines = tsv.trim().split('\n').slice(1);
  for (let i = 0; i < lines.length; i += 25) {
    const [code, name, , , , lon, lat] = (lines[i] as string).split('\t');
    await buildSchool(database, { area: district, code, name, lon: Number(lon), lat: Number(lat), girls: 40, boys: 35 });
  }
  server = createServer((req, res) => {
    hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
    const f = files[req.url ?? ''];
    res.writeHead(f?.status ?? (f ? 200 : 404), { 'content-type': f?.type ?? 'text/plain' });
    res.end(f?.body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was open a moment ago and is closed now: connecting to it is refused.
  const dead = createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  deadBase = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
  await new Promise((r) => dead.close(r));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await database.close();
});

describe('estimated earthquake events from feeds', () => {
  it('makes an estimated event with affected schools in one poll; a revision updates it; its ShakeMap replaces the estimate in the same event', async () => {
    const quake = { ids: ',us7000sk01,at00sk01,', mag: 6.2, lon: 88.61, lat: 27.33, depth: 10, time: ORIGIN, updated: ORIGIN + 5 * 60_000, place: '8 km E of Gangtok, India' };
    files['/usgs.geojson'] = { type: 'application/geo+json', body: usgsFeed(usgsFeature('us7000sk01', quake)) };
    const urls = [`${base}/usgs.geojson`];
    const first = await pollFeeds({ database, engine, urls, jobs });
    expect(first).toMatchObject({ feeds: 1, entries: 1, created: 1, failed: [] });
    const [estimate] = await eventsWith('usgs:us7000sk01');
    expect(estimate).toMatchObject({ kind: 'estimate', estimated: true, status: 'actual', title: 'M 6.2 – 8 km E of Gangtok, India' });
    expect(estimate!.source_keys).toEqual(expect.arrayContaining(['usgs:us7000sk01', 'usgs:at00sk01', 'shakemap:us7000sk01', 'shakemap:at00sk01']));
    expect(estimate!.details).toMatchObject({ estimated: true, magnitude: 6.2, depthKm: 10, epicentre: { lon: 88.61, lat: 27.33 } });
    expect(estimate!.warnings.map((w) => w.code)).toContain('EVENT_ESTIMATED');
    expect(estimate!.schools).toBeGreaterThan(10);
    expect(enqueued.filter((j) => (j.payload as { eventId: string }).eventId === estimate!.id)).toHaveLength(1);
    const feed = (await database.rows<{ last_entries: number; last_success_at: Date | null; error_count: number; last_error: string | null }>(
      sql`SELECT last_entries, last_success_at, error_count, last_error FROM hazard_feeds WHERE url = ${urls[0]}`,
    ))[0];
    expect(feed).toMatchObject({ last_entries: 1, error_count: 0, last_error: null });
    expect(feed?.last_success_at).not.toBeNull();

    // The same revision again changes nothing; a newer `updated` with a revised magnitude updates the estimate.
    expect(await pollFeeds({ database, engine, urls, jobs })).toMatchObject({ created: 0, updated: 0 });
    files['/usgs.geojson'] = { type: 'application/geo+json', body: usgsFeed(usgsFeature('us7000sk01', { ...quake, mag: 6.5, updated: ORIGIN + 9 * 60_000 })) };
    expect(await pollFeeds({ database, engine, urls, jobs })).toMatchObject({ created: 0, updated: 1 });
    const revised = (await eventsWith('usgs:us7000sk01'))[0];
    expect(revised).toMatchObject({ id: estimate!.id, kind: 'estimate', estimated: true, details: { magnitude: 6.5 } });

    // The ShakeMap, named after the alias id, replaces the estimate in the same event and is weighed for alerts.
    const before = enqueued.length;
    const replaced = await upload(shakeMapGrid({ id: 'at00sk01', version: 1, lon: 88.6, lat: 27.34, time: '2026-12-10T04:30:00Z', magnitude: 6.4, peak: 8.5 }));
    expect(replaced).toMatchObject({ outcome: 'updated' });
    expect(replaced.event.id).toBe(estimate!.id);
    const shaken = (await eventsWith('usgs:us7000sk01'))[0];
    expect(shaken).toMatchObject({ id: estimate!.id, kind: 'shakemap', estimated: false });
    expect(shaken!.warnings.map((w) => w.code)).not.toContain('EVENT_ESTIMATED');
    expect(shaken!.schools).toBeGreaterThan(0);
    expect(enqueued.slice(before).map((j) => (j.payload as { eventId: string }).eventId)).toEqual([estimate!.id]);

    // A later revision of the feed entry never turns the ShakeMap back into an estimate.
    files['/usgs.geojson'] = { type: 'application/geo+json', body: usgsFeed(usgsFeature('us7000sk01', { ...quake, mag: 6.3, updated: ORIGIN + 40 * 60_000 })) };
    expect(await pollFeeds({ database, engine, urls, jobs })).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await eventsWith('usgs:us7000sk01'))[0]).toMatchObject({ kind: 'shakemap', estimated: false });
    expect(await eventsWith('usgs:us7000sk01')).toHaveLength(1);
  });

  it('matches a ShakeMap with another id by origin time and epicentre, and not one too far in time', async () => {
    const time = ORIGIN + 24 * 3600_000;
    files['/usgs2.geojson'] = {
      type: 'application/geo+json',
      body: usgsFeed(usgsFeature('us7000sk02', { mag: 5.9, lon: 88.5, lat: 27.2, depth: 15, time, updated: time + 60_000, place: 'Sikkim, India' })),
    };
    expect(await pollFeeds({ database, engine, urls: [`${base}/usgs2.geojson`], jobs })).toMatchObject({ created: 1 });
    const [estimate] = await eventsWith('usgs:us7000sk02');
    // Another agency's id, 50 s later and about 25 km away: the same earthquake.
    const matched = await upload(shakeMapGrid({ id: 'in2026abcd', version: 2, lon: 88.7, lat: 27.32, time: new Date(time + 50_000).toISOString(), magnitude: 6.0, peak: 7.5 }));
    expect(matched).toMatchObject({ outcome: 'updated' });
    expect(matched.event.id).toBe(estimate!.id);
    expect((await eventsWith('usgs:us7000sk02'))[0]).toMatchObject({ kind: 'shakemap', estimated: false });

    // A third earthquake's estimate, and a ShakeMap at the same place ten minutes off: a separate event.
    const later = time + 3 * 3600_000;
    files['/usgs2.geojson'] = {
      type: 'application/geo+json',
      body: usgsFeed(usgsFeature('us7000sk03', { mag: 5.1, lon: 88.5, lat: 27.2, depth: 15, time: later, updated: later, place: 'Sikkim, India' })),
    };
    await pollFeeds({ database, engine, urls: [`${base}/usgs2.geojson`], jobs });
    const separate = await upload(shakeMapGrid({ id: 'in2026other', version: 1, lon: 88.5, lat: 27.2, time: new Date(later + 10 * 60_000).toISOString(), magnitude: 5.1, peak: 6 }));
    expect(separate.outcome).toBe('created');
    expect((await eventsWith('usgs:us7000sk03'))[0]).toMatchObject({ kind: 'estimate', estimated: true });
  });

  it('makes events of GDACS entries whose CAP message cannot be fetched, and records the failure on the feed', async () => {
    const item = (fields: string) => `<item>${fields}</item>`;
    files['/gdacs.xml'] = {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:gdacs="http://www.gdacs.org" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"><channel><title>GDACS RSS information</title>
        ${item(`<title>Orange earthquake alert (Magnitude 6.1M, Depth:12km) in India</title><link>https://www.gdacs.org/report.aspx?eventtype=EQ&amp;eventid=1500001</link>
          <guid isPermaLink="false">EQ1500001</guid><pubDate>Fri, 11 Dec 2026 08:05:00 GMT</pubDate><gdacs:fromdate>Fri, 11 Dec 2026 08:00:00 GMT</gdacs:fromdate>
          <geo:Point><geo:lat>27.4</geo:lat><geo:long>88.55</geo:long></geo:Point><gdacs:cap>${base}/missing-cap.xml</gdacs:cap>
          <gdacs:eventtype>EQ</gdacs:eventtype><gdacs:alertlevel>Orange</gdacs:alertlevel><gdacs:eventid>1500001</gdacs:eventid><gdacs:episodeid>1</gdacs:episodeid>
          <gdacs:severity unit="M" value="6.1">Magnitude 6.1M, Depth:12km</gdacs:severity><gdacs:country>India</gdacs:country>`)}
        ${item(`<title>Red tropical cyclone alert in India</title><link>https://www.gdacs.org/report.aspx?eventtype=TC&amp;eventid=1001</link>
          <guid isPermaLink="false">TC1001_3</guid><pubDate>Fri, 11 Dec 2026 06:00:00 GMT</pubDate><gdacs:fromdate>Thu, 10 Dec 2026 00:00:00 GMT</gdacs:fromdate>
          <geo:Point><geo:lat>27.1</geo:lat><geo:long>88.4</geo:long></geo:Point><gdacs:cap>${deadBase}/cap_1001.xml</gdacs:cap>
          <gdacs:eventtype>TC</gdacs:eventtype><gdacs:alertlevel>Red</gdacs:alertlevel><gdacs:eventid>1001</gdacs:eventid><gdacs:episodeid>3</gdacs:episodeid>
          <gdacs:severity unit="km/h" value="185">Tropical cyclone (maximum wind speed of 185 km/h)</gdacs:severity>`)}
      </channel></rss>`,
    };
    const url = `${base}/gdacs.xml`;
    const result = await pollFeeds({ database, engine, urls: [url], jobs });
    expect(result).toMatchObject({ entries: 2, created: 2 });
    expect(hits['/missing-cap.xml']).toBe(2); // tried once more within the poll
    expect(result.failed.map((f) => f.error)).toEqual([expect.stringContaining('HTTP 404'), expect.stringMatching(/TC1001_3: CAP message unavailable/)]);

    const [quake] = await eventsWith('gdacs:EQ:1500001');
    expect(quake).toMatchObject({ kind: 'estimate', estimated: true, status: 'actual', details: { magnitude: 6.1, depthKm: 12, alertLevel: 'Orange' } });
    expect(quake!.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['EVENT_ESTIMATED', 'FEED_CAP_UNAVAILABLE']));
    expect(quake!.schools).toBeGreaterThan(0);

    const [cyclone] = await eventsWith('gdacs:TC:1001');
    expect(cyclone).toMatchObject({ kind: 'footprint', estimated: false, status: 'actual', details: { approximate: true, radiusKm: 200, alertLevel: 'Red' } });
    expect(cyclone!.warnings.map((w) => w.code)).toEqual(['EVENT_APPROXIMATE']);
    expect(cyclone!.schools).toBeGreaterThan(0);

    const feed = (await database.rows<{ last_entries: number; error_count: number; last_error: string | null; n: number }>(
      sql`SELECT last_entries, error_count, last_error, cardinality(seen_entries) AS n FROM hazard_feeds WHERE url = ${url}`,
    ))[0];
    expect(feed).toMatchObject({ last_entries: 2, error_count: 1, n: 2 });
    expect(feed?.last_error).toContain('CAP message unavailable');

    // Both entries were made into events: they are not tried again, and the next clean poll clears the error count.
    const again = await pollFeeds({ database, engine, urls: [url], jobs });
    expect(again).toMatchObject({ created: 0, updated: 0, failed: [] });
    expect(hits['/missing-cap.xml']).toBe(2);
    expect((await database.rows<{ error_count: number }>(sql`SELECT error_count FROM hazard_feeds WHERE url = ${url}`))[0]?.error_count).toBe(0);
  });

  it('records a USGS feed that is not one as the feed failing, and keeps its last success', async () => {
    files['/usgs-broken.geojson'] = { type: 'application/json', body: '{"type": "Feature"}' };
    const url = `${base}/usgs-broken.geojson`;
    const result = await pollFeeds({ database, engine, urls: [url], jobs });
    expect(result.failed.map((f) => [f.url, f.error.startsWith('USGS_FEED_INVALID: ')])).toEqual([[url, true]]);
    const feed = (await database.rows<{ last_success_at: Date | null; last_entries: number | null; error_count: number }>(
      sql`SELECT last_success_at, last_entries, error_count FROM hazard_feeds WHERE url = ${url}`,
    ))[0];
    expect(feed).toMatchObject({ last_success_at: null, last_entries: null, error_count: 1 });
  });
});
