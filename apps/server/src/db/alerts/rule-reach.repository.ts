import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface ReachCounts {
  focal_points: number;
  head_teachers: number;
  district_officers: number;
  programme_staff: number;
}

function uuids(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * How many people each audience has within a rule's scope now: focal-point users of schools in it and the
 * registry's focal and head-teacher contacts with an address, and the active officers and programme managers
 * whose scope overlaps it (an area of theirs inside the rule's, or above one of its areas or schools).
 */
export async function ruleReach(database: Database, on: Executor, scope: Scope): Promise<ReachCounts> {
  const inScope = schoolVisibleTo(scope, sql`s.id`, sql`s.area_path`);
  const areas = scope.kind === 'all' ? [] : scope.areaIds;
  const schools = scope.kind === 'all' ? [] : scope.schoolIds;
  const overlaps =
    scope.kind === 'all'
      ? sql`(cardinality(u.scope_area_ids) + cardinality(u.scope_school_ids)) > 0`
      : sql`(
          EXISTS (SELECT 1 FROM areas a WHERE a.id = ANY(u.scope_area_ids) AND a.path && ${uuids(areas)})
          OR EXISTS (SELECT 1 FROM areas a WHERE a.id = ANY(${uuids(areas)}) AND a.path && u.scope_area_ids)
          OR EXISTS (SELECT 1 FROM schools s WHERE s.id = ANY(${uuids(schools)}) AND (s.area_path && u.scope_area_ids OR s.id = ANY(u.scope_school_ids)))
          OR EXISTS (SELECT 1 FROM schools s WHERE s.id = ANY(u.scope_school_ids) AND ${inScope})
        )`;
  const hasAddress = (c: string) =>
    sql`(coalesce(${sql.raw(c)}->>'email', '') <> '' OR coalesce(${sql.raw(c)}->>'phone', '') <> '')`;
  const rows = await database.rows<{
    focal_users: number;
    focal_contacts: number;
    heads: number;
    officers: number;
    managers: number;
  }>(
    sql`SELECT
          (SELECT count(DISTINCT u.id)::int FROM users u CROSS JOIN LATERAL unnest(u.scope_school_ids) AS fs(id) JOIN schools s ON s.id = fs.id
            WHERE u.role = 'school_focal_point' AND u.status = 'active' AND u.deleted_at IS NULL AND s.deleted_at IS NULL AND ${inScope}) AS focal_users,
          (SELECT count(*)::int FROM schools s WHERE s.deleted_at IS NULL AND s.safety_focal_point IS NOT NULL AND ${hasAddress('s.safety_focal_point')} AND ${inScope}) AS focal_contacts,
          (SELECT count(*)::int FROM schools s WHERE s.deleted_at IS NULL AND s.head_teacher IS NOT NULL AND ${hasAddress('s.head_teacher')} AND ${inScope}) AS heads,
          (SELECT count(*)::int FROM users u WHERE u.role = 'district_officer' AND u.status = 'active' AND u.deleted_at IS NULL AND ${overlaps}) AS officers,
          (SELECT count(*)::int FROM users u WHERE u.role = 'programme_manager' AND u.status = 'active' AND u.deleted_at IS NULL AND ${overlaps}) AS managers`,
    on,
  );
  const r = rows[0]!;
  return {
    focal_points: Number(r.focal_users) + Number(r.focal_contacts),
    head_teachers: Number(r.heads),
    district_officers: Number(r.officers),
    programme_staff: Number(r.managers),
  };
}
