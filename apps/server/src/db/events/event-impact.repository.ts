import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

// Sums of P(DS >= ls) for up to this many limit states; published fragility sets have four or five.
export const MAX_LIMIT_STATES = 6;

const enrolmentSums = sql.raw(
  ['children', 'girls', 'boys'].map((f) => `sum(e.${f})::float8 AS ${f}, count(e.${f})::int AS schools_with_${f}`).join(', '),
);

const damageSums = sql.raw(
  Array.from({ length: MAX_LIMIT_STATES }, (_, k) => `coalesce(sum(e.damage[${k + 1}]), 0)::float8 AS p${k + 1}`).join(', '),
);

export interface ImpactAggregateRow extends Record<string, unknown> {
  key: string | null;
  schools: number;
  /** Sums over the schools with each figure (NULL when none has it), and how many schools those are. */
  children: number | null;
  girls: number | null;
  boys: number | null;
  schools_with_children: number;
  schools_with_girls: number;
  schools_with_boys: number;
  max_intensity: number;
  p1: number;
  p2: number;
  p3: number;
  p4: number;
  p5: number;
  p6: number;
}

function visibleJoin(viewer: Scope): { join: SQL; where: SQL } {
  // Administrators and national staff see everything: no join needed to know where a school is.
  if (viewer.kind === 'all') return { join: sql``, where: sql`true` };
  return { join: sql`JOIN schools s ON s.id = e.school_id`, where: schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`) };
}

/** Totals per event for the events the caller asked about, over the affected schools they may see. */
export async function totalsByEvent(database: Database, on: Executor, viewer: Scope, eventIds: string[]): Promise<ImpactAggregateRow[]> {
  if (eventIds.length === 0) return [];
  const { join, where } = visibleJoin(viewer);
  return database.rows<ImpactAggregateRow>(
    sql`SELECT e.event_id::text AS key, count(*)::int AS schools, ${enrolmentSums},
          coalesce(max(e.intensity), 0)::float8 AS max_intensity, ${damageSums}
        FROM hazard_event_schools e ${join}
        WHERE e.event_id = ANY(${`{${eventIds.join(',')}}`}::uuid[]) AND ${where}
        GROUP BY e.event_id`,
    on,
  );
}

/** One event's affected schools the caller may see, by district: most children first, those with no known enrolment last. */
export async function impactByDistrict(
  database: Database,
  on: Executor,
  viewer: Scope,
  eventId: string,
): Promise<(ImpactAggregateRow & { name: string | null; codes: Record<string, string> | null })[]> {
  const { join, where } = visibleJoin(viewer);
  return database.rows(
    sql`SELECT g.*, a.name, a.codes FROM (
          SELECT e.district_id::text AS key, count(*)::int AS schools, ${enrolmentSums},
            coalesce(max(e.intensity), 0)::float8 AS max_intensity, ${damageSums}
          FROM hazard_event_schools e ${join}
          WHERE e.event_id = ${eventId} AND ${where}
          GROUP BY e.district_id
        ) g LEFT JOIN areas a ON a.id = g.key::uuid
        ORDER BY g.children DESC NULLS LAST, g.schools DESC, a.name`,
    on,
  );
}

export interface AffectedSchoolRow extends Record<string, unknown> {
  school_id: string;
  code: string | null;
  name: string;
  lon: number | null;
  lat: number | null;
  district_id: string | null;
  intensity: number;
  band: number;
  /** NULL when the registry had no such figure for the school. */
  girls: number | null;
  boys: number | null;
  children: number | null;
  damage: number[];
}

/** Affected schools strongest first (then by id), after a keyset cursor, within the caller's scope. */
export async function affectedSchoolsPage(
  database: Database,
  on: Executor,
  viewer: Scope,
  eventId: string,
  query: { after?: { intensity: number; schoolId: string }; limit: number; areaId?: string; minBand?: number },
): Promise<AffectedSchoolRow[]> {
  const after = query.after
    ? sql`AND (e.intensity < ${query.after.intensity}::real OR (e.intensity = ${query.after.intensity}::real AND e.school_id > ${query.after.schoolId}::uuid))`
    : sql``;
  const area = query.areaId ? sql`AND s.area_path @> ARRAY[${query.areaId}]::uuid[]` : sql``;
  const band = query.minBand ? sql`AND e.band >= ${query.minBand}` : sql``;
  return database.rows<AffectedSchoolRow>(
    sql`SELECT e.school_id::text AS school_id, s.code, s.name, ST_X(s.location) AS lon, ST_Y(s.location) AS lat,
          e.district_id::text AS district_id, e.intensity::float8 AS intensity, e.band::int AS band, e.girls, e.boys, e.children,
          e.damage::float8[] AS damage
        FROM hazard_event_schools e JOIN schools s ON s.id = e.school_id
        WHERE e.event_id = ${eventId} AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)} ${after} ${area} ${band}
        ORDER BY e.intensity DESC, e.school_id
        LIMIT ${query.limit}`,
    on,
  );
}
