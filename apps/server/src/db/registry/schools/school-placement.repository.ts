import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';

/** Where a school's point lies and what its declared codes resolve to, for the domain to decide its placement. */
export interface PlacementFacts {
  schoolId: string;
  hasLocation: boolean;
  declared: Record<string, Record<string, string>>;
  found: AreaRef | null;
  foundDistrict: AreaRef | null;
  declaredDistrict: AreaRef | null;
  declaredState: AreaRef | null;
  /** Whether any district carries a code of a system the school declares, so "unknown" means unknown. */
  districtCodesKnown: boolean;
  anyGeometry: boolean;
}

export interface AreaRef {
  id: string;
  path: string[];
  name: string;
  names: Record<string, string>;
}

const rank = (alias: string) =>
  sql.raw(`CASE ${alias}.level WHEN 'block' THEN 4 WHEN 'district' THEN 3 WHEN 'state' THEN 2 WHEN 'country' THEN 1 ELSE 0 END`);

/** An area of `level` whose codes match any code system the school declares for that level. */
const declaredArea = (level: 'district' | 'state'): SQL => sql`
  SELECT a.id, a.path, a.name, a.names FROM areas a
  WHERE a.level = ${level} AND a.deleted_at IS NULL AND (
    a.codes @> jsonb_build_object('lgd', s.declared_areas->${level}->>'lgd')
    OR a.codes @> jsonb_build_object('census2011', s.declared_areas->${level}->>'census2011')
    OR a.codes @> jsonb_build_object('udise', s.declared_areas->${level}->>'udise'))
  ORDER BY a.id LIMIT 1`;

const ref = (r: Record<string, unknown>, p: string): AreaRef | null =>
  r[`${p}_id`]
    ? {
        id: r[`${p}_id`] as string,
        path: r[`${p}_path`] as string[],
        name: r[`${p}_name`] as string,
        names: (r[`${p}_names`] ?? {}) as Record<string, string>,
      }
    : null;

/** A school to place: where it is and what it declares, before or after it is written. */
export interface PlacementInput {
  schoolId: string;
  location: [number, number] | null;
  declared: unknown;
}

/**
 * One statement for a whole batch: the deepest area covering each point (ST_Covers, so points on a border
 * count), the district above it, and the areas its declared codes name. Imports answer the same facts in
 * memory (domain/registry/schools/placement-index.ts), which is ~30x faster; this PostGIS form stays as the
 * reference the in-memory answers are tested against.
 */
export async function findPlacementFacts(
  database: Database,
  on: Executor,
  inputs: readonly PlacementInput[],
): Promise<PlacementFacts[]> {
  if (inputs.length === 0) return [];
  const payload = inputs.map((i) => ({
    id: i.schoolId,
    lon: i.location?.[0] ?? null,
    lat: i.location?.[1] ?? null,
    declared: i.declared ?? {},
  }));
  const rows = await database.rows<Record<string, unknown>>(
    sql`WITH s AS (
          SELECT v.id, CASE WHEN v.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326) END AS location, v.declared AS declared_areas
          FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS v(id uuid, lon float8, lat float8, declared jsonb)),
        flags AS (SELECT EXISTS (SELECT 1 FROM areas WHERE geom IS NOT NULL AND deleted_at IS NULL) AS any_geometry)
      SELECT s.id, s.location IS NOT NULL AS has_location, s.declared_areas, flags.any_geometry,
        EXISTS (SELECT 1 FROM areas k WHERE k.level = 'district' AND k.deleted_at IS NULL
                AND k.codes ?| ARRAY(SELECT jsonb_object_keys(coalesce(s.declared_areas->'district', '{}'::jsonb)))) AS district_codes_known,
        f.id AS f_id, f.path AS f_path, f.name AS f_name, f.names AS f_names,
        fd.id AS fd_id, fd.path AS fd_path, fd.name AS fd_name, fd.names AS fd_names,
        dd.id AS dd_id, dd.path AS dd_path, dd.name AS dd_name, dd.names AS dd_names,
        ds.id AS ds_id, ds.path AS ds_path, ds.name AS ds_name, ds.names AS ds_names
      FROM s CROSS JOIN flags
      LEFT JOIN LATERAL (
        SELECT a.id, a.path, a.name, a.names FROM areas a
        WHERE s.location IS NOT NULL AND a.geom IS NOT NULL AND a.deleted_at IS NULL AND ST_Covers(a.geom, s.location)
        ORDER BY ${rank('a')} DESC, a.id LIMIT 1) f ON true
      LEFT JOIN LATERAL (
        SELECT d.id, d.path, d.name, d.names FROM areas d WHERE d.level = 'district' AND d.id = ANY(f.path) LIMIT 1) fd ON true
      LEFT JOIN LATERAL (${declaredArea('district')}) dd ON true
      LEFT JOIN LATERAL (${declaredArea('state')}) ds ON true`,
    on,
  );
  return rows.map((r) => ({
    schoolId: r.id as string,
    hasLocation: Boolean(r.has_location),
    declared: (r.declared_areas ?? {}) as Record<string, Record<string, string>>,
    found: ref(r, 'f'),
    foundDistrict: ref(r, 'fd'),
    declaredDistrict: ref(r, 'dd'),
    declaredState: ref(r, 'ds'),
    districtCodesKnown: Boolean(r.district_codes_known),
    anyGeometry: Boolean(r.any_geometry),
  }));
}

export interface ReviewRow {
  id: string;
  schoolId: string;
  areaId: string | null;
  areaPath: string[];
  kind: string;
  detail: Record<string, unknown>;
}

const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Replaces the open reviews of these schools: a new placement supersedes what the last one found (`importId` null: a person re-placed them). */
export async function replaceReviews(
  on: Executor,
  importId: string | null,
  schoolIds: readonly string[],
  reviews: readonly ReviewRow[],
): Promise<void> {
  if (schoolIds.length) {
    await on.execute(sql`
      DELETE FROM registry_reviews WHERE status = 'open'
        AND school_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(schoolIds)}::jsonb)::uuid))`);
  }
  if (reviews.length === 0) return;
  const payload = reviews.map((r) => ({ ...r, areaPath: pgArray(r.areaPath) }));
  await on.execute(sql`
    INSERT INTO registry_reviews (id, school_id, area_id, area_path, import_id, kind, detail)
    SELECT v.id, v."schoolId", v."areaId", v."areaPath", ${importId}::uuid, v.kind, v.detail
    FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS v(id uuid, "schoolId" uuid, "areaId" uuid, "areaPath" uuid[], kind text, detail jsonb)`);
}
