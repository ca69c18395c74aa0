import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { openPglite } from '../../apps/server/src/db/open-pglite.js';
import { openPostgres } from '../../apps/server/src/db/open-postgres.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import type { Database } from '../../apps/server/src/db/database.js';
import { ensureFirstAdmin } from '../../apps/server/src/domain/users/ensure-first-admin.js';
import { row, type BenchRow } from './report.js';
import { scratchPostgres } from './scratch-postgres.js';

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

/** What our server does before it listens: open, migrate, make sure there is an administrator. */
async function ourStart(open: () => Promise<Database>): Promise<Database> {
  const db = await open();
  await migrate(db);
  await ensureFirstAdmin(db, { email: 'bench@example.org', password: 'bench password 1234' });
  return db;
}

/** Our start against opening bare PGlite + PostGIS on the same folder kind. */
async function pgliteRows(): Promise<BenchRow[]> {
  const ours = await mkdtemp(path.join(tmpdir(), 'bench-ours-'));
  const bare = await mkdtemp(path.join(tmpdir(), 'bench-bare-'));
  try {
    const start = () => ourStart(() => openPglite(ours));
    const [first, db1] = await timed(start);
    await db1.close();
    const [later, db2] = await timed(start);
    await db2.close();
    const [bareFirst, c1] = await timed(async () => {
      const c = await PGlite.create({ dataDir: bare, extensions: { postgis } });
      await c.exec('CREATE EXTENSION IF NOT EXISTS postgis');
      return c;
    });
    await c1.close();
    const [bareLater, c2] = await timed(() => PGlite.create({ dataDir: bare, extensions: { postgis } }));
    await c2.close();
    return [
      row('foundation.start.pglite.first', first, 'bare PGlite+PostGIS create', bareFirst),
      row('foundation.start.pglite.later', later, 'bare PGlite+PostGIS open', bareLater),
    ];
  } finally {
    await rm(ours, { recursive: true, force: true });
    await rm(bare, { recursive: true, force: true });
  }
}

async function postgresRows(url: string): Promise<BenchRow[]> {
  const scratch = await scratchPostgres(url, 'bench_start');
  try {
    const start = () => ourStart(() => openPostgres(scratch.url));
    const [first, db1] = await timed(start);
    await db1.close();
    const [later, db2] = await timed(start);
    await db2.close();
    const [bare, c] = await timed(async () => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      return client;
    });
    await c.end();
    return [
      row('foundation.start.postgresql.first', first, 'plain connect', bare),
      row('foundation.start.postgresql.later', later, 'plain connect', bare),
    ];
  } finally {
    await scratch.drop();
  }
}

export async function coldStartBench(databaseUrl: string | undefined): Promise<BenchRow[]> {
  return [...(await pgliteRows()), ...(databaseUrl ? await postgresRows(databaseUrl) : [])];
}
