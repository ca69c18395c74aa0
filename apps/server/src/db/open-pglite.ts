import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { normaliseRow, rowsOf, type Database, type Db, type Executor } from './database.js';
import type { SQL } from 'drizzle-orm';

/** Opens (creating if needed) the embedded database in `dir`, or in memory when `dir` is undefined. */
export async function openPglite(dir: string | undefined): Promise<Database> {
  let unlock = async () => {};
  if (dir) {
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir);
  }
  try {
    const client = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: { postgis, pg_trgm } });
    // Same session settings as the server, so plans and timings stay comparable.
    await client.exec('SET jit = off; SET max_parallel_workers_per_gather = 0;');
    return wrapPglite(client, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

export function wrapPglite(
  client: PGlite,
  onClose: () => Promise<void> = async () => {},
  instanceId: string = randomUUID(),
): Database {
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    instanceId,
    db,
    async rows<T extends Record<string, unknown>>(query: SQL, on: Executor = db) {
      return rowsOf(await on.execute(query)).map((r) => normaliseRow<T>(r));
    },
    async execScript(script: string) {
      await client.exec(script);
    },
    async rawQuery(text: string, values: readonly unknown[] = []) {
      if (values.length === 0 && text.includes(';')) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) };
      }
      const result = await client.query<Record<string, unknown>>(text, [...values]);
      return { rows: result.rows };
    },
    async close() {
      await client.close();
      await onClose();
    },
  };
}
