import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { APPLICATION_NAME_PREFIX } from '../open-postgres.js';

/**
 * The server processes (instance ids) alive on this database now, this one among them; null when that cannot be
 * told, and then no other instance may be taken for dead.
 *
 * PostgreSQL: an instance is alive exactly while one of its connections is, and each connection carries
 * `safeschools:<instance id>` as its application_name (open-postgres.ts keeps at least one open). A killed process's
 * connections close with it (its host's, at the latest when the TCP keepalives give up), so this says "dead" only
 * of a process that is really gone, never merely of another instance. The application name is visible to every
 * role in pg_stat_activity. The query runs on one of this instance's connections, so its own name must be among
 * the answers; when it is not (a pooler such as PgBouncer in transaction mode shows its own connections, not ours),
 * the names say nothing and the answer is null.
 *
 * PGlite: one process at a time holds the data directory (data-dir-lock.ts), so only this one can be alive.
 */
export async function liveInstanceIds(database: Database): Promise<Set<string> | null> {
  if (database.kind === 'pglite') return new Set([database.instanceId]);
  const rows = await database.rows<{ id: string }>(sql`
    SELECT DISTINCT substr(application_name, ${APPLICATION_NAME_PREFIX.length + 1}) AS id
      FROM pg_stat_activity
     WHERE datname = current_database() AND starts_with(application_name, ${APPLICATION_NAME_PREFIX})`);
  const live = new Set(rows.map((r) => r.id));
  return live.has(database.instanceId) ? live : null;
}
