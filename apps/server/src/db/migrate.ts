import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

/** The migrations folder sits beside src/ and dist/, so the same path works from both. */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  name: string;
  checksum: string;
  script: string;
}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(new URL(name, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    }),
  );
}

async function applied(database: Database): Promise<Map<string, string>> {
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const rows = await database.rows<{ name: string; checksum: string }>(sql`SELECT name, checksum FROM schema_migrations`);
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

// Any fixed number: instances starting together take turns instead of racing through the same migration.
const LOCK_ID = 727_001;

/**
 * Applies every migration not yet applied, each in its own transaction, in name order. A landed migration
 * must never change: a changed checksum stops start-up rather than leaving two databases that differ.
 */
export async function migrate(
  database: Database,
  onProgress: (message: string) => void = () => {},
  dir = migrationsDir,
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  let done = await applied(database);
  for (const m of migrations) {
    const known = done.get(m.name);
    if (known !== undefined && known !== m.checksum) {
      throw new Error(`Migration ${m.name} was edited after it was applied; add a new migration instead.`);
    }
  }
  const pending = migrations.filter((m) => !done.has(m.name));
  const ran: string[] = [];
  for (const m of pending) {
    onProgress(`applying migration ${m.name}`);
    const record = `INSERT INTO schema_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');`;
    try {
      await database.execScript(`BEGIN;\nSELECT pg_advisory_xact_lock(${LOCK_ID});\n${m.script}\n;${record}\nCOMMIT;`);
      ran.push(m.name);
    } catch (error) {
      await database.execScript('ROLLBACK;').catch(() => undefined);
      done = await applied(database);
      // Another instance applied it while we waited for the lock.
      if (done.get(m.name) === m.checksum) continue;
      throw new Error(`Migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ran;
}
