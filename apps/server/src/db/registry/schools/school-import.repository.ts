import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';
import { importedColumnNames, importedColumns } from './school-columns.js';

/** A school as an import compares it: imported columns plus location as [lon, lat]. */
export interface ExistingSchool {
  id: string;
  code: string;
  version: number;
  location: [number, number] | null;
  values: Record<string, unknown>;
}

const ident = (name: string): SQL => sql.raw(`"${name}"`);
const list = (items: SQL[]): SQL => sql.join(items, sql`, `);
const json = (value: unknown): SQL => sql`${JSON.stringify(value)}::jsonb`;
// One index probe per code through a LATERAL with LIMIT 1 (which the planner cannot flatten): `IN (subquery)`
// and `= ANY(ARRAY(subquery))` both let it scan every school of the country per batch — a hash join, or the
// array as a filter — whenever the statistics still describe the empty table an import started with, so the
// import slowed down quadratically (measured: 8.6 of 16 s at 20k rows).

/** Live schools with these codes in this country and code system, by code. */
export async function findSchoolsByCode(
  database: Database,
  on: Executor,
  key: { countryCode: string; codeSystem: string },
  codes: readonly string[],
): Promise<Map<string, ExistingSchool>> {
  if (codes.length === 0) return new Map();
  const rows = await database.rows<Record<string, unknown>>(
    sql`SELECT s.* FROM jsonb_array_elements_text(${json(codes)}) AS c(code)
        CROSS JOIN LATERAL (
          SELECT id, code, version, ST_X(location) AS lon, ST_Y(location) AS lat, ${list(importedColumnNames.map(ident))}
          FROM schools
          WHERE coalesce(country_code, '') = ${key.countryCode} AND code_system = ${key.codeSystem}
            AND code = c.code AND deleted_at IS NULL
          LIMIT 1) s`,
    on,
  );
  const out = new Map<string, ExistingSchool>();
  for (const r of rows) {
    const values: Record<string, unknown> = {};
    for (const c of importedColumnNames) values[c] = r[c] ?? null;
    const lon = r.lon as number | null;
    const lat = r.lat as number | null;
    out.set(r.code as string, {
      id: r.id as string,
      code: r.code as string,
      version: Number(r.version),
      location: lon === null || lat === null ? null : [lon, lat],
      values,
    });
  }
  return out;
}

/** Where the school was placed, decided before writing so each row is written once. */
export interface Placement {
  areaId: string | null;
  areaPath: string[];
  placement: string;
}

export interface NewSchool {
  id: string;
  code: string;
  location: [number, number] | null;
  values: Record<string, unknown>;
  place: Placement;
}

const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** One INSERT for the whole batch: rows travel as one jsonb parameter, so no parameter limit and one round trip. */
export async function insertSchools(
  on: Executor,
  key: { countryCode: string; codeSystem: string; importId: string },
  rows: readonly NewSchool[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({
    id: r.id,
    code: r.code,
    lon: r.location?.[0] ?? null,
    lat: r.location?.[1] ?? null,
    area_id: r.place.areaId,
    area_path: pgArray(r.place.areaPath),
    placement: r.place.placement,
    ...r.values,
  }));
  const recordType = list([
    sql`id uuid, code text, lon float8, lat float8, area_id uuid, area_path uuid[], placement text`,
    ...importedColumnNames.map((c) => sql`${ident(c)} ${sql.raw(importedColumns[c])}`),
  ]);
  const values = importedColumnNames.map((c) =>
    c === 'declared_areas' ? sql`coalesce(v.declared_areas, '{}'::jsonb)` : sql`v.${ident(c)}`,
  );
  await on.execute(sql`
    INSERT INTO schools (id, code, code_system, country_code, location, area_id, area_path, placement, source_import_id, ${list(importedColumnNames.map(ident))})
    SELECT v.id, v.code, ${key.codeSystem}, ${key.countryCode},
           CASE WHEN v.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326) END,
           v.area_id, v.area_path, v.placement, ${key.importId}::uuid, ${list(values)}
    FROM jsonb_to_recordset(${json(payload)}) AS v(${recordType})`);
}

export interface SchoolUpdate {
  id: string;
  version: number;
  /** Only the changed columns, with their new values; `location` as [lon, lat]. */
  changes: Record<string, unknown>;
  /** A new placement when the school moved or declares other areas. */
  place: Placement | null;
}

/** Sets only the changed columns of each school and bumps its version, guarded by the version that was compared. */
export async function updateSchools(
  database: Database,
  on: Executor,
  importId: string,
  rows: readonly SchoolUpdate[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const sets = importedColumnNames.map((c) => {
    const value =
      importedColumns[c] === 'jsonb'
        ? sql`nullif(v.changes->${c}, 'null'::jsonb)`
        : sql`(v.changes->>${c})::${sql.raw(importedColumns[c])}`;
    return sql`${ident(c)} = CASE WHEN v.changes ? ${c} THEN ${value} ELSE s.${ident(c)} END`;
  });
  const payload = rows.map((r) => ({ ...r, place: r.place && { ...r.place, areaPath: pgArray(r.place.areaPath) } }));
  const updated = await database.rows<{ id: string }>(
    sql`UPDATE schools s SET ${list(sets)},
          location = CASE WHEN v.changes ? 'location' THEN ST_SetSRID(ST_MakePoint((v.changes->'location'->>0)::float8, (v.changes->'location'->>1)::float8), 4326) ELSE s.location END,
          area_id = CASE WHEN jsonb_typeof(v.place) = 'object' THEN (v.place->>'areaId')::uuid ELSE s.area_id END,
          area_path = CASE WHEN jsonb_typeof(v.place) = 'object' THEN (v.place->>'areaPath')::uuid[] ELSE s.area_path END,
          placement = coalesce(v.place->>'placement', s.placement),
          version = s.version + 1, updated_at = now(), source_import_id = ${importId}::uuid
        FROM jsonb_to_recordset(${json(payload)}) AS v(id uuid, version integer, changes jsonb, place jsonb)
        WHERE s.id = v.id AND s.version = v.version
        RETURNING s.id`,
    on,
  );
  return updated.length;
}

export interface HistoryRow {
  id: string;
  schoolId: string;
  version: number;
  changes: Record<string, [unknown, unknown]>;
}

export async function insertSchoolHistory(
  on: Executor,
  meta: { importId: string; actorId: string | null; at: Date },
  rows: readonly HistoryRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await on.execute(sql`
    INSERT INTO school_history (id, school_id, version, changed_at, actor_id, import_id, changes)
    SELECT v.id, v."schoolId", v.version, ${meta.at.toISOString()}::timestamptz, ${meta.actorId}::uuid, ${meta.importId}::uuid, v.changes
    FROM jsonb_to_recordset(${json(rows)}) AS v(id uuid, "schoolId" uuid, version integer, changes jsonb)`);
}
