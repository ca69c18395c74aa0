import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';

export interface PlacementEdit {
  schoolId: string;
  /** The school's version the edit was based on; the update does nothing when it has moved on. */
  version: number;
  areaId: string | null;
  areaPath: string[];
  placement: string;
  /** A new point as [lon, lat], or null to keep the one the school has. */
  location: [number, number] | null;
}

const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Re-places one school (and moves its point when asked) and bumps its version; the statement triggers keep
 * area_school_counts right. Returns false when the school changed meanwhile.
 */
export async function updateSchoolPlacement(database: Database, on: Executor, edit: PlacementEdit): Promise<boolean> {
  const [lon, lat] = edit.location ?? [null, null];
  const rows = await database.rows<{ id: string }>(
    sql`UPDATE schools SET area_id = ${edit.areaId}::uuid, area_path = ${pgArray(edit.areaPath)}::uuid[],
          placement = ${edit.placement},
          location = CASE WHEN ${lon}::float8 IS NULL THEN location ELSE ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) END,
          version = version + 1, updated_at = now()
        WHERE id = ${edit.schoolId} AND version = ${edit.version} AND deleted_at IS NULL
        RETURNING id`,
    on,
  );
  return rows.length === 1;
}

/** One field-history row for a change a person made (no import). */
export async function insertSchoolEditHistory(
  on: Executor,
  row: { id: string; schoolId: string; version: number; actorId: string | null; at: Date; changes: Record<string, [unknown, unknown]> },
): Promise<void> {
  await on.execute(sql`
    INSERT INTO school_history (id, school_id, version, changed_at, actor_id, import_id, changes)
    VALUES (${row.id}, ${row.schoolId}, ${row.version}, ${row.at.toISOString()}::timestamptz, ${row.actorId}::uuid, NULL,
            ${JSON.stringify(row.changes)}::jsonb)`);
}

/** An area's id and ancestor path, if it is live. */
export async function findAreaPath(database: Database, on: Executor, areaId: string): Promise<string[] | undefined> {
  const rows = await database.rows<{ path: string[] }>(sql`SELECT path FROM areas WHERE id = ${areaId} AND deleted_at IS NULL`, on);
  return rows[0]?.path;
}
