import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

/**
 * Moves whenever a school or an area is added, edited, moved or (soft-)deleted: the stamp trigger gives every change
 * a higher change_seq. Two index probes, so it costs the same at 1.5 M schools as at ten; schools are never hard
 * deleted, so no count is needed beside it.
 */
export async function schoolTileStamp(database: Database): Promise<string> {
  const [row] = await database.rows<{ s: number; a: number }>(
    sql`SELECT (SELECT coalesce(max(change_seq), 0) FROM schools)::bigint AS s, (SELECT coalesce(max(change_seq), 0) FROM areas)::bigint AS a`,
  );
  return `${row?.s ?? 0}:${row?.a ?? 0}`;
}
