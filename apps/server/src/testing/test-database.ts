import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database } from '../db/database.js';
import { wrapPglite } from '../db/open-pglite.js';
import { openPostgres } from '../db/open-postgres.js';
import { createDatabaseFromTemplate } from './template-database.js';

/**
 * A migrated database of its own for one test file: PostgreSQL when DATABASE_URL is set (a copy of the
 * template database), otherwise an in-memory PGlite loaded from the template dump. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresCopy(url, inject('postgresTemplate'));
  const dump = await readFile(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { postgis, pg_trgm } });
  await client.exec('SET jit = off; SET max_parallel_workers_per_gather = 0;');
  return wrapPglite(client);
}

async function createPostgresCopy(url: string, template: string): Promise<Database> {
  const { name, url: target } = await createDatabaseFromTemplate(url, template, 'safeschools_test');
  const database = await openPostgres(target, 4);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // pool.end() resolves before its clients' backends have exited; dropping under them would kill them mid-goodbye.
      for (let i = 0; i < 50; i++) {
        const { rows } = await cleanup.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.end());
    },
  };
}
