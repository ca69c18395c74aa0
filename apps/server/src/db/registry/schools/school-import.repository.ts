import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';
import type { ImportedColumn } from './school-columns.js';
import { ident, STAGE } from './school-stage.repository.js';

// Set-based writes from the batch's staging table (school-stage.repository.ts), after matchStagedSchools: rows
// without a school_id are new, rows whose `changes` is not empty are updated, the others are left untouched.

const stage = sql.raw(STAGE);
const list = (items: SQL[]): SQL => sql.join(items, sql`, `);
const point = sql`ST_SetSRID(ST_MakePoint(st.lon, st.lat), 4326)`;

/** Runs a write and answers how many rows it wrote. */
async function rowsWritten(database: Database, tx: Executor, write: SQL): Promise<number> {
  const [row] = await database.rows<{ n: number }>(sql`WITH w AS (${write} RETURNING 1) SELECT count(*)::int AS n FROM w`, tx);
  return Number(row?.n ?? 0);
}

/** Inserts the new schools, already placed; answers how many went in (fewer: someone inserted one meanwhile). */
export async function insertStagedSchools(
  database: Database,
  tx: Executor,
  key: { countryCode: string; codeSystem: string; importId: string },
  columns: readonly ImportedColumn[],
): Promise<number> {
  const values = columns.map((c) =>
    c === 'declared_areas' ? sql`coalesce(st.declared_areas, '{}'::jsonb)` : sql`st.${ident(c)}`,
  );
  return rowsWritten(
    database,
    tx,
    sql`INSERT INTO schools (id, code, code_system, country_code, location, area_id, area_path, placement, source_import_id${
      columns.length ? sql`, ${list(columns.map(ident))}` : sql``
    })
          SELECT st.new_id, st.code, ${key.codeSystem}, ${key.countryCode}, CASE WHEN st.lon IS NULL THEN NULL ELSE ${point} END,
                 st.area_id, coalesce(st.area_path, '{}'), coalesce(st.placement, 'unplaced'), ${key.importId}::uuid${
                   values.length ? sql`, ${list(values)}` : sql``
                 }
          FROM ${stage} st WHERE st.school_id IS NULL ORDER BY st.row
          ON CONFLICT (coalesce(country_code, ''), code_system, code) WHERE code IS NOT NULL AND deleted_at IS NULL DO NOTHING`,
  );
}

/**
 * Writes the changed schools and bumps their version, guarded by the version they were compared at; a moved
 * school (new location or declared areas) takes its new placement. Answers how many were written.
 */
export async function updateStagedSchools(
  database: Database,
  tx: Executor,
  importId: string,
  columns: readonly ImportedColumn[],
): Promise<number> {
  // Unchanged mapped columns are equal to what is stored, so setting every mapped column writes only the changes.
  const sets = columns.map((c) => sql`${ident(c)} = st.${ident(c)}`);
  return rowsWritten(
    database,
    tx,
    sql`UPDATE schools s SET ${sets.length ? sql`${list(sets)}, ` : sql``}
            location = CASE WHEN st.changes ? 'location' THEN ${point} ELSE s.location END,
            area_id = CASE WHEN st.moved THEN st.area_id ELSE s.area_id END,
            area_path = CASE WHEN st.moved THEN coalesce(st.area_path, '{}') ELSE s.area_path END,
            placement = CASE WHEN st.moved THEN coalesce(st.placement, 'unplaced') ELSE s.placement END,
            version = s.version + 1, updated_at = now(), source_import_id = ${importId}::uuid
          FROM ${stage} st
          WHERE st.changes <> '{}'::jsonb AND s.id = st.school_id AND s.version = st.version`,
  );
}

/** One history row per changed school with only its changed fields, as {field: [old, new]}. */
export async function insertStagedHistory(
  tx: Executor,
  meta: { importId: string; actorId: string | null; at: Date },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO school_history (id, school_id, version, changed_at, actor_id, import_id, changes)
    SELECT st.history_id, st.school_id, st.version + 1, ${meta.at.toISOString()}::timestamptz, ${meta.actorId}::uuid,
           ${meta.importId}::uuid, st.changes
    FROM ${stage} st WHERE st.changes <> '{}'::jsonb ORDER BY st.row`);
}

/** Moved schools (only where some changed) lose their open reviews to the new placement's; new ones get their first. */
export async function writeStagedReviews(tx: Executor, importId: string, someChanged: boolean): Promise<void> {
  if (someChanged)
    await tx.execute(sql`
    DELETE FROM registry_reviews r USING ${stage} st
    WHERE r.status = 'open' AND st.moved AND r.school_id = st.school_id`);
  await tx.execute(sql`
    INSERT INTO registry_reviews (id, school_id, area_id, area_path, import_id, kind, detail)
    SELECT v.id, coalesce(st.school_id, st.new_id), v."areaId", v."areaPath", ${importId}::uuid, v.kind, v.detail
    FROM ${stage} st
    CROSS JOIN LATERAL jsonb_to_recordset(st.reviews) AS v(id uuid, "areaId" uuid, "areaPath" uuid[], kind text, detail jsonb)
    WHERE st.reviews IS NOT NULL AND (st.school_id IS NULL OR st.moved)`);
}
