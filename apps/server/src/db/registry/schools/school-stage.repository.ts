import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';
import { copyCsv, csvValue } from './copy-csv.js';
import { importedColumns, type ImportedColumn } from './school-columns.js';

/** Where the school was placed, decided before writing so each row is written once. */
export interface Placement {
  areaId: string | null;
  areaPath: string[];
  placement: string;
}

export interface StagedReview {
  id: string;
  areaId: string | null;
  areaPath: string[];
  kind: string;
  detail: Record<string, unknown>;
}

/** One file row as staged: its values, the ids it will take if new or changed, and where it was placed. */
export interface StagedSchool {
  row: number;
  code: string;
  newId: string;
  historyId: string;
  lon: number | null;
  lat: number | null;
  place: Placement | null;
  reviews: readonly StagedReview[];
  values: Readonly<Record<string, unknown>>;
}

export const STAGE = 'school_import_stage';
const ROWS = 'school_import_rows';
const FIXED = ['row', 'code', 'new_id', 'history_id', 'lon', 'lat', 'area_id', 'area_path', 'placement', 'reviews'];
export const ident = (name: string): SQL => sql.raw(`"${name}"`);
export const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Loads the batch's rows by COPY into a TEMP table (gone at commit). `columns` are the imported columns the file
 * maps; only those are compared and written.
 */
export async function stageSchools(
  database: Database,
  tx: Executor,
  columns: readonly ImportedColumn[],
  rows: readonly StagedSchool[],
): Promise<void> {
  const typed = columns.map((c) => `"${c}" ${importedColumns[c]}`).join(', ');
  await tx.execute(
    sql.raw(`CREATE TEMP TABLE ${ROWS} (
      row integer NOT NULL, code text NOT NULL, new_id uuid NOT NULL, history_id uuid NOT NULL, lon float8, lat float8,
      area_id uuid, area_path uuid[], placement text, reviews jsonb${typed ? `, ${typed}` : ''}
    ) ON COMMIT DROP`),
  );
  const lines = rows.map((r) => {
    const cells = [
      r.row,
      r.code,
      r.newId,
      r.historyId,
      r.lon,
      r.lat,
      r.place?.areaId,
      r.place && pgArray(r.place.areaPath),
      r.place?.placement,
      r.reviews.length ? r.reviews.map((v) => ({ ...v, areaPath: pgArray(v.areaPath) })) : null,
      ...columns.map((c) => r.values[c]),
    ];
    return `${cells.map(csvValue).join(',')}\n`;
  });
  await copyCsv(database, tx, ROWS, [...FIXED, ...columns], lines);
}

/** Field-by-field [old, new] of every mapped column that differs; a location only when the row has one. */
function changesOf(columns: readonly ImportedColumn[]): SQL {
  const fields = columns.map(
    (c) => sql`CASE WHEN s.${ident(c)} IS DISTINCT FROM st.${ident(c)}
      THEN jsonb_build_object(${c}::text, jsonb_build_array(s.${ident(c)}, st.${ident(c)})) ELSE '{}'::jsonb END`,
  );
  const location = sql`CASE WHEN st.lon IS NOT NULL AND (s.location IS NULL
      OR abs(ST_X(s.location) - st.lon) >= 1e-9 OR abs(ST_Y(s.location) - st.lat) >= 1e-9)
    THEN jsonb_build_object('location', jsonb_build_array(
      CASE WHEN s.location IS NULL THEN NULL ELSE jsonb_build_array(ST_X(s.location), ST_Y(s.location)) END,
      jsonb_build_array(st.lon, st.lat))) ELSE '{}'::jsonb END`;
  return sql.join([sql`'{}'::jsonb`, ...fields, location], sql` || `);
}

/**
 * Makes the staging table: each loaded row with the live school of its code in the country and code system, the
 * fields it changes and whether it moves. LATERAL … LIMIT 1 is one index probe per row, the only plan there is:
 * a join would let the planner read all schools per batch (or worse) on the statistics of a table mid-import.
 */
export async function matchStagedSchools(
  tx: Executor,
  key: { countryCode: string; codeSystem: string },
  columns: readonly ImportedColumn[],
): Promise<void> {
  await tx.execute(sql`
    CREATE TEMP TABLE ${sql.raw(STAGE)} ON COMMIT DROP AS
    SELECT st.*, m.school_id, m.version, m.changes, (m.changes ? 'location' OR m.changes ? 'declared_areas') AS moved
    FROM ${sql.raw(ROWS)} st
    LEFT JOIN LATERAL (
      SELECT s.id AS school_id, s.version, ${changesOf(columns)} AS changes
      FROM schools s
      WHERE coalesce(s.country_code, '') = ${key.countryCode} AND s.code_system = ${key.codeSystem}
        AND s.code IS NOT NULL AND s.code = st.code AND s.deleted_at IS NULL
      LIMIT 1) m ON true`);
}

/** Statistics for the joins that write changed schools, which only batches with changes run. */
export async function analyseStage(tx: Executor): Promise<void> {
  await tx.execute(sql.raw(`ANALYZE ${STAGE}`));
}

export interface StageSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Placements of the rows to be placed (new or moved), by kind. */
  tally: Record<string, number>;
}

export async function summariseStage(database: Database, tx: Executor): Promise<StageSummary> {
  const groups = await database.rows<{
    fresh: boolean;
    changed: boolean | null;
    placed: boolean;
    placement: string | null;
    n: number;
  }>(
    sql`SELECT school_id IS NULL AS fresh, changes <> '{}'::jsonb AS changed,
          (school_id IS NULL OR coalesce(moved, false)) AS placed, placement, count(*)::int AS n
        FROM ${sql.raw(STAGE)} GROUP BY 1, 2, 3, 4`,
    tx,
  );
  const out: StageSummary = { created: 0, updated: 0, unchanged: 0, tally: {} };
  for (const g of groups) {
    if (g.fresh) out.created += g.n;
    else if (g.changed) out.updated += g.n;
    else out.unchanged += g.n;
    if (g.placed && g.placement) out.tally[g.placement] = (out.tally[g.placement] ?? 0) + g.n;
  }
  return out;
}
