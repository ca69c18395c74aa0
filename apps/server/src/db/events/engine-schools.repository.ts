import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
import { schoolChildren } from '../schools/school-children.js';

export interface EngineSchoolRow extends Record<string, unknown> {
  id: string;
  lon: number;
  lat: number;
  /** NULL when the registry has no such figure for the school. */
  girls: number | null;
  boys: number | null;
  total: number | null;
  typology: string;
  area_id: string | null;
}

/** One page of located, live schools in id order: what the in-memory engine holds of each. */
export async function engineSchoolsPage(database: Database, afterId: string | null, limit: number, on?: Executor): Promise<EngineSchoolRow[]> {
  return database.rows<EngineSchoolRow>(
    sql`SELECT id, ST_X(location) AS lon, ST_Y(location) AS lat,
          enrolment_girls AS girls, enrolment_boys AS boys, ${schoolChildren('schools')} AS total,
          coalesce(typology, '') AS typology, area_id
        FROM schools
        WHERE deleted_at IS NULL AND location IS NOT NULL ${afterId ? sql`AND id > ${afterId}` : sql``}
        ORDER BY id LIMIT ${limit}`,
    on,
  );
}

export interface AreaLevelRow extends Record<string, unknown> {
  id: string;
  level: string;
  path: string[];
}

export async function areaLevels(database: Database, on?: Executor): Promise<AreaLevelRow[]> {
  return database.rows<AreaLevelRow>(sql`SELECT id, level, path FROM areas WHERE deleted_at IS NULL`, on);
}

/** Changes to schools or areas since the engine was built show up as a different stamp. */
export async function registryStamp(database: Database, on?: Executor): Promise<string> {
  const [row] = await database.rows<{ s: string | number; a: string | number; n: string | number }>(
    sql`SELECT (SELECT coalesce(max(change_seq), 0) FROM schools) AS s, (SELECT coalesce(max(change_seq), 0) FROM areas) AS a,
               (SELECT count(*) FROM schools) AS n`,
    on,
  );
  return `${row?.s ?? 0}:${row?.a ?? 0}:${row?.n ?? 0}`;
}
