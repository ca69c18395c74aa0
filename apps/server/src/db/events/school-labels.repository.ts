import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

export interface SchoolLabelRow extends Record<string, unknown> {
  id: string;
  code: string | null;
  name: string;
}

/** Code and name of the given schools (any number; asked for in chunks). */
export async function schoolLabels(database: Database, ids: string[]): Promise<Map<string, SchoolLabelRow>> {
  const out = new Map<string, SchoolLabelRow>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = `{${ids.slice(i, i + 10_000).join(',')}}`;
    const rows = await database.rows<SchoolLabelRow>(sql`SELECT id::text AS id, code, name FROM schools WHERE id = ANY(${chunk}::uuid[])`);
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

export async function areaNames(database: Database, ids: string[]): Promise<Map<string, { name: string; codes: Record<string, string> }>> {
  if (ids.length === 0) return new Map();
  const rows = await database.rows<{ id: string; name: string; codes: Record<string, string> }>(
    sql`SELECT id::text AS id, name, codes FROM areas WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, codes: r.codes }]));
}
