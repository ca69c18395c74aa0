import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { ImpactEngine } from './impact-engine.js';
import { pollFeeds } from './poll-feeds.js';

const shared = (p: string) => new URL(`../../../../../../shared/data/${p}`, import.meta.url);

let database: Database;
let server: Server;
let base: string;
const files: Record<string, { type: string; body: Buffer | string; status?: number }> = {};
const hits: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const pacific = await buildArea(database, { name: 'Pacific', level: 'country' });
  const alpine = await buildArea(database, { name: 'Alpine', level: 'district', parent: pacific });
  await buildSchool(database, { area: alpine, code: 'CA-1', name: 'Alpine County School', lon: -119.9, lat: 38.47, girls: 30, boys: 25 });
  server = createServer((req, res) => {
    hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
    const f = files[req.url ?? ''];
    res.writeHead(f?.status ?? (f ? 200 : 404), { 'content-type': f?.type ?? 'text/plain' });
    res.end(f?.body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  files['/gdacs.xml'] = { type: 'application/rss+xml', body: await readFile(shared('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml')) };
  files['/alert.xml'] = { type: 'application/cap+xml', body: await readFile(shared('cap/oasis/oasis_cap12_example2.xml')) };
  // An index feed whose entry links to the CAP message, served with a charset that lies (the bytes are UTF-8).
  files['/index.atom'] = {
    type: 'application/atom+xml; charset=iso-8859-1',
    body: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wärnings – NWS</title><id>urn:test</id><updated>2003-06-17T22:00:00Z</updated>
       <entry><id>urn:ksto-1</id><title>Severe thunderstorm – Alpine</title><updated>2003-06-17T21:57:00Z</updated><link rel="alternate" type="application/cap+xml" href="${'BASE'}/alert.xml"/></entry></feed>`,
      'utf8',
    ),
  };
  files['/broken.xml'] = { type: 'text/plain', body: 'oops', status: 500 };
  // The GDACS feed again under other identifiers, its first alert turned into an Update that names nothing.
  const gdacs = await readFile(shared('cap/gdacs/kontur_gdacs_cap_feed_2020-11-10_prettyprinted.xml'), 'utf8');
  files['/gdacs-refused.xml'] = {
    type: 'application/rss+xml',
    body: gdacs
      .replaceAll('<cap:identifier>GDACS_', '<cap:identifier>AGAIN_GDACS_')
      .replace('<cap:msgType>Alert</cap:msgType>', '<cap:msgType>Update</cap:msgType>'),
  };
  const example3 = await readFile(shared('cap/oasis/oasis_cap12_example3.xml'), 'utf8');
  files['/update-naming-nothing.xml'] = {
    type: 'application/cap+xml',
    body: example3.replace(/<references>[^<]*<\/references>/, ''),
  };
  files['/example1.xml'] = { type: 'application/cap+xml', body: await readFile(shared('cap/oasis/oasis_cap12_example1.xml')) };
  const entry = (id: string, path: string) =>
    `<entry><id>${id}</id><title>${id}</title><updated>2003-06-17T21:57:00Z</updated><link type="application/cap+xml" href="BASE${path}"/></entry>`;
  files['/index-refused.atom'] = {
    type: 'application/atom+xml',
    body: `<feed xmlns="http://www.w3.org/2005/Atom"><title>Index</title>${entry('urn:refused', '/update-naming-nothing.xml')}${entry('urn:fine', '/example1.xml')}</feed>`,
  };
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await database.close();
});

describe('polling hazard feeds', () => {
  it('turns new alerts into events once, keeps going past a broken feed, and records what happened', async () => {
    files['/index.atom']!.body = String(files['/index.atom']!.body).replace('BASE', base);
    const engine = new ImpactEngine(database);
    const urls = [`${base}/gdacs.xml`, `${base}/index.atom`, `${base}/broken.xml`];
    const first = await pollFeeds({ database, engine, urls });
    expect(first.feeds).toBe(3);
    expect(first.created).toBe(4); // three GDACS alerts and the linked NWS alert
    expect(first.failed.map((f) => f.url)).toEqual([`${base}/broken.xml`]);
    expect(first.failed[0]!.error).toContain('HTTP 500');
    const events = await database.rows<{ kind: string; title: string; summary: { schools: number } }>(sql`SELECT kind, title, summary FROM hazard_events ORDER BY title`);
    expect(events).toHaveLength(4);
    expect(events.find((e) => e.title === 'SEVERE THUNDERSTORM WARNING')?.summary.schools).toBe(1);

    const again = await pollFeeds({ database, engine, urls });
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect((await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM hazard_events`))[0]!.n).toBe(4);
    const feeds = await database.rows<{ url: string; last_error: string | null; n: number }>(
      sql`SELECT url, last_error, cardinality(seen_entries) AS n FROM hazard_feeds ORDER BY url`,
    );
    expect(feeds.find((f) => f.url.endsWith('/broken.xml'))?.last_error).toContain('HTTP 500');
    expect(feeds.find((f) => f.url.endsWith('/gdacs.xml'))).toMatchObject({ last_error: null, n: 3 });

    // A feed taken out of the configuration is no longer polled.
    const fewer = await pollFeeds({ database, engine, urls: [`${base}/index.atom`] });
    expect(fewer.feeds).toBe(1);
  });

  it('records an alert that breaks a CAP rule as refused, remembers it, and goes on with the other entries', async () => {
    files['/index-refused.atom']!.body = String(files['/index-refused.atom']!.body).replaceAll('BASE', base);
    const engine = new ImpactEngine(database);
    const urls = [`${base}/gdacs-refused.xml`, `${base}/index-refused.atom`];
    const first = await pollFeeds({ database, engine, urls });
    // OASIS example 1 is new; the two GDACS alerts are new episodes of GDACS events read in the test above, so
    // they update those events (their gdacs:<type>:<eventid> key); neither Update naming nothing is read.
    expect(first).toMatchObject({ created: 1, updated: 2 });
    expect(first.failed.map((f) => f.url)).toEqual(urls);
    expect(first.failed.every((f) => f.error.includes('CAP_REFERENCES_MISSING'))).toBe(true);
    const refused = await database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM hazard_events WHERE details->>'identifier' IN ('AGAIN_GDACS_EQ_1243255_1342589', 'TRI13970876.2')`,
    );
    expect(refused[0]!.n).toBe(0);
    const feeds = await database.rows<{ url: string; last_error: string | null; n: number }>(
      sql`SELECT url, last_error, cardinality(seen_entries) AS n FROM hazard_feeds WHERE enabled ORDER BY url`,
    );
    expect(feeds.map((f) => [f.n, f.last_error?.includes('CAP_REFERENCES_MISSING')])).toEqual([
      [3, true],
      [2, true],
    ]);

    // A refused alert will not get better: it is not fetched or tried again.
    const again = await pollFeeds({ database, engine, urls });
    expect(again).toMatchObject({ created: 0, updated: 0, failed: [] });
    expect(hits['/update-naming-nothing.xml']).toBe(1);
  });
});
