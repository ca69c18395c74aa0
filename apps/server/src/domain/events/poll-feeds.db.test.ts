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

beforeAll(async () => {
  database = await createTestDatabase();
  const pacific = await buildArea(database, { name: 'Pacific', level: 'country' });
  const alpine = await buildArea(database, { name: 'Alpine', level: 'district', parent: pacific });
  await buildSchool(database, { area: alpine, code: 'CA-1', name: 'Alpine County School', lon: -119.9, lat: 38.47, girls: 30, boys: 25 });
  server = createServer((req, res) => {
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
});
