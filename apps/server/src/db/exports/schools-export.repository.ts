import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor, Database } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface ExportFilter {
  q?: string;
  areaId?: string;
}

export interface ExportSchoolRow extends Record<string, unknown> {
  id: string;
  code: string | null;
  code_system: string | null;
  name: string;
  lon: number | null;
  lat: number | null;
  area_path: string[];
  education_level: string | null;
  management: string | null;
  rural_urban: string | null;
  enrolment_girls: number | null;
  enrolment_boys: number | null;
  enrolment_total: number | null;
  teachers_female: number | null;
  teachers_male: number | null;
  classrooms: number | null;
  typology: string | null;
  water: string | null;
  electricity: string | null;
}

function where(scope: Scope, filter: ExportFilter): SQL {
  const parts: SQL[] = [sql`s.deleted_at IS NULL`, schoolVisibleTo(scope, sql`s.id`, sql`s.area_path`)];
  if (filter.areaId) parts.push(sql`s.area_path @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(s.name ILIKE ${like} OR s.code = ${filter.q})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function countExportSchools(database: Database, on: Executor, scope: Scope, filter: ExportFilter): Promise<number> {
  const rows = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM schools s WHERE ${where(scope, filter)}`, on);
  return rows[0]?.n ?? 0;
}

/** One page in id order (keyset), so an export of 1.5 M rows never holds more than a page in memory. */
export async function exportSchoolPage(
  database: Database,
  on: Executor,
  scope: Scope,
  filter: ExportFilter,
  afterId: string | null,
  limit: number,
): Promise<ExportSchoolRow[]> {
  return database.rows<ExportSchoolRow>(
    sql`SELECT s.id::text, s.code, s.code_system, s.name, ST_X(s.location) AS lon, ST_Y(s.location) AS lat, s.area_path,
          s.education_level, s.management, s.rural_urban, s.enrolment_girls, s.enrolment_boys, s.enrolment_total,
          s.teachers_female, s.teachers_male, s.classrooms, s.typology, s.water, s.electricity
        FROM schools s
        WHERE ${where(scope, filter)} ${afterId ? sql`AND s.id > ${afterId}` : sql``}
        ORDER BY s.id LIMIT ${limit}`,
    on,
  );
}

export interface AreaLabel extends Record<string, unknown> {
  id: string;
  level: string;
  name: string;
  codes: Record<string, string>;
}

/** Every area's level, name and codes: a few thousand rows, read once per export to label each school. */
export async function allAreaLabels(database: Database, on: Executor): Promise<AreaLabel[]> {
  return database.rows<AreaLabel>(sql`SELECT id::text, level, name, codes FROM areas WHERE deleted_at IS NULL`, on);
}
