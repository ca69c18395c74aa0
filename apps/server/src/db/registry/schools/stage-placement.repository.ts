import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';
import { pgArray, STAGE, type Placement, type StagedReview } from './school-stage.repository.js';

/** A moved school whose row alone could not be placed: the file lacks its location or its declared areas. */
export interface PartlyStaged {
  code: string;
  schoolId: string;
  location: [number, number] | null;
  declared: unknown;
}

/**
 * The staged schools that moved although the file left out their location or declared areas, with the registry's
 * value filled in for what the file left out, so they can be placed where they will really be.
 */
export async function findPartlyStaged(database: Database, tx: Executor, declaredMapped: boolean): Promise<PartlyStaged[]> {
  const declared = declaredMapped ? sql`st.declared_areas` : sql`s.declared_areas`;
  const rows = await database.rows<{
    code: string;
    school_id: string;
    lon: number | null;
    lat: number | null;
    declared: unknown;
  }>(
    sql`SELECT st.code, st.school_id::text AS school_id, coalesce(st.lon, ST_X(s.location)) AS lon,
          coalesce(st.lat, ST_Y(s.location)) AS lat, ${declared} AS declared
        FROM ${sql.raw(STAGE)} st JOIN schools s ON s.id = st.school_id
        WHERE st.moved AND (st.lon IS NULL OR ${!declaredMapped})`,
    tx,
  );
  return rows.map((r) => ({
    code: r.code,
    schoolId: r.school_id,
    location: r.lon === null || r.lat === null ? null : [r.lon, r.lat],
    declared: r.declared ?? {},
  }));
}

/** Replaces the placement (and its reviews) of these staged rows. */
export async function restagePlacements(
  tx: Executor,
  rows: readonly { code: string; place: Placement; reviews: readonly StagedReview[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({
    code: r.code,
    area_id: r.place.areaId,
    area_path: pgArray(r.place.areaPath),
    placement: r.place.placement,
    reviews: r.reviews.length ? r.reviews.map((v) => ({ ...v, areaPath: pgArray(v.areaPath) })) : null,
  }));
  await tx.execute(sql`
    UPDATE ${sql.raw(STAGE)} st SET area_id = v.area_id, area_path = v.area_path, placement = v.placement, reviews = v.reviews
    FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS v(code text, area_id uuid, area_path uuid[], placement text, reviews jsonb)
    WHERE st.code = v.code`);
}
