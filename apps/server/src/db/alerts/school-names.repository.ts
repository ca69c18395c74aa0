import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
import { uuidList } from './recipients.repository.js';

export async function schoolNames(
  database: Database,
  on: Executor,
  ids: readonly string[],
): Promise<Map<string, { name: string; areaPath: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await database.rows<{ id: string; name: string; area_path: string[] }>(
    sql`SELECT s.id, s.name, s.area_path FROM schools s JOIN unnest(${uuidList(ids)}) AS w(id) ON w.id = s.id`,
    on,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, areaPath: r.area_path }]));
}
