import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema.js';
import { normaliseRow, rowsOf, type Database, type Db, type Executor } from './database.js';

const INT8 = 20;
// count(*) and bigint columns: numbers, as PGlite gives them. Values beyond 2^53 are not expected in this
// schema (counts, sizes, sequence numbers); refuse rather than round silently.
pg.types.setTypeParser(INT8, (text: string) => {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${text} exceeds the safe integer range`);
  return n;
});

/** Connections of a SafeSchools process are named `safeschools:<instance id>` (see `Database.instanceId`). */
export const APPLICATION_NAME_PREFIX = 'safeschools:';

/** The URL without an application_name, which would override the one naming this instance. */
function withoutApplicationName(url: string): string {
  if (!/[?&]application_name=/.test(url)) return url;
  const parsed = new URL(url);
  parsed.searchParams.delete('application_name');
  return parsed.toString();
}

export async function openPostgres(url: string, poolSize = 10, instanceId: string = randomUUID()): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: withoutApplicationName(url),
    max: poolSize,
    // At least one connection stays open while the process lives, so other instances see it as alive.
    min: 1,
    application_name: `${APPLICATION_NAME_PREFIX}${instanceId}`,
    // JIT and parallel workers turn 5 ms queries into 60-150 ms on 2 cores (STACK.md trap 8). The keepalives let
    // the server drop, within about two minutes, the connections of a host that vanished without closing them.
    options:
      '-c jit=off -c max_parallel_workers_per_gather=0 -c tcp_keepalives_idle=60 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=6',
  });
  // An idle client whose backend goes away (a restart, pg_terminate_backend, DROP DATABASE ... FORCE) is already
  // purged by the pool; without a listener the pool's 'error' event would crash the process.
  pool.on('error', (err) => process.stderr.write(`database: idle connection lost: ${err.message}\n`));
  // Fail at start-up, not at the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgresql',
    instanceId,
    db,
    async rows<T extends Record<string, unknown>>(query: SQL, on: Executor = db) {
      return rowsOf(await on.execute(query)).map((r) => normaliseRow<T>(r));
    },
    async execScript(script: string) {
      await pool.query(script);
    },
    async rawQuery(text: string, values: readonly unknown[] = []) {
      // A multi-statement text without parameters answers with one result per statement.
      const result = (await pool.query(text, [...values])) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    async close() {
      await pool.end();
    },
  };
}
