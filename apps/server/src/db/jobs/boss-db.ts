import type { Database, Executor } from '../database.js';

/** What pg-boss needs to run its own SQL: one parameterised statement, or a parameterless script. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** pg-boss on the app's own connection(s): the node-postgres pool, or the single PGlite connection. */
export function bossDbOf(database: Database): BossDb {
  return { executeSql: (text, values) => database.rawQuery(text, values ?? []) };
}

interface RawClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] } | { rows: Record<string, unknown>[] }[]>;
}

/**
 * pg-boss inside an open drizzle transaction, so a job is enqueued atomically with the request that made it.
 * Both drivers keep the connection of a transaction in `session.client` (a pg PoolClient or a PGlite
 * Transaction), each with `query(text, values)`. That field is drizzle-internal, so its shape is checked here
 * and `enqueue-in-transaction.db.test.ts` fails loudly if an upgrade moves it.
 */
export function bossDbOn(tx: Executor): BossDb {
  const client = (tx as unknown as { session?: { client?: RawClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('cannot reach the connection of this transaction');
  return {
    async executeSql(text, values) {
      const result = await client.query(text, values ?? []);
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
  };
}
