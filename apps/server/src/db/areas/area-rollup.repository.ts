import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolChildren } from '../schools/school-children.js';
import { pathVisibleTo, schoolVisibleTo } from '../scope/scope-filter.js';

export interface AreaRollupRow extends Record<string, unknown> {
  area_id: string;
  name: string;
  names: Record<string, string>;
  level: string;
  codes: Record<string, string>;
  schools: number;
  /** Sums over the schools with each figure, and how many schools those are. */
  children: number;
  girls: number;
  boys: number;
  schools_with_children: number;
  schools_with_girls: number;
  schools_with_boys: number;
  geometry: string | null;
}

/**
 * Counts per area in one pass over the schools: an area's depth in the hierarchy is the length of its path,
 * so each school's area at that level is `area_path[depth]` — no join per area. Shapes are simplified to about
 * 1 km, enough for a national choropleth, and sent with 5 decimals.
 */
export async function areaRollup(
  database: Database,
  on: Executor,
  viewer: Scope,
  query: { level: string; parentId?: string; withGeometry: boolean },
): Promise<AreaRollupRow[]> {
  const parentArea = query.parentId ? sql`AND a.path @> ARRAY[${query.parentId}]::uuid[]` : sql``;
  const parentSchool = query.parentId ? sql`AND s.area_path @> ARRAY[${query.parentId}]::uuid[]` : sql``;
  const children = schoolChildren('s');
  const geometry = query.withGeometry ? sql`ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(l.geom, 0.01)), 5)` : sql`NULL::text`;
  // Someone who sees every school sees every school of an area: the counts kept per area by the schools
  // triggers (migrations 0004 and 0010) are the answer. A scoped viewer may see only part of an area, so count rows.
  if (viewer.kind === 'all')
    return database.rows<AreaRollupRow>(
      sql`SELECT l.id::text AS area_id, l.name, l.names, l.level, l.codes,
            coalesce(c.schools, 0)::int AS schools, coalesce(c.children, 0)::bigint AS children,
            coalesce(c.girls, 0)::bigint AS girls, coalesce(c.boys, 0)::bigint AS boys,
            coalesce(c.schools_with_children, 0)::int AS schools_with_children,
            coalesce(c.schools_with_girls, 0)::int AS schools_with_girls, coalesce(c.schools_with_boys, 0)::int AS schools_with_boys,
            ${geometry} AS geometry
          FROM (SELECT a.* FROM areas a WHERE a.deleted_at IS NULL AND a.level = ${query.level} ${parentArea}) l
          LEFT JOIN area_school_counts c ON c.area_id = l.id
          ORDER BY l.name`,
      on,
    );
  return database.rows<AreaRollupRow>(
    sql`WITH lvl AS (
          SELECT a.* FROM areas a
          WHERE a.deleted_at IS NULL AND a.level = ${query.level} AND ${pathVisibleTo(viewer, sql`a.path`)} ${parentArea}
        ),
        depths AS (SELECT DISTINCT cardinality(path) AS d FROM lvl),
        agg AS (
          SELECT s.area_path[depths.d] AS area_id, count(*)::int AS schools,
            sum(${children})::bigint AS children, sum(s.enrolment_girls)::bigint AS girls, sum(s.enrolment_boys)::bigint AS boys,
            count(${children})::int AS schools_with_children, count(s.enrolment_girls)::int AS schools_with_girls,
            count(s.enrolment_boys)::int AS schools_with_boys
          FROM schools s, depths
          WHERE s.deleted_at IS NULL AND cardinality(s.area_path) >= depths.d
            AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)} ${parentSchool}
          GROUP BY 1
        )
        SELECT l.id::text AS area_id, l.name, l.names, l.level, l.codes,
          coalesce(agg.schools, 0) AS schools, coalesce(agg.children, 0)::bigint AS children,
          coalesce(agg.girls, 0)::bigint AS girls, coalesce(agg.boys, 0)::bigint AS boys,
          coalesce(agg.schools_with_children, 0) AS schools_with_children,
          coalesce(agg.schools_with_girls, 0) AS schools_with_girls, coalesce(agg.schools_with_boys, 0) AS schools_with_boys,
          ${geometry} AS geometry
        FROM lvl l LEFT JOIN agg ON agg.area_id = l.id
        ORDER BY l.name`,
    on,
  );
}
