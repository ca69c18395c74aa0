import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../database.js';

/** A live area as the in-memory placement needs it: its shape as GeoJSON coordinates of a MultiPolygon. */
export interface PlacementArea {
  id: string;
  level: string;
  path: string[];
  name: string;
  names: Record<string, string>;
  codes: Record<string, unknown>;
  polygons: [number, number][][][] | null;
}

/** Every live area with its shape, and the registry stamp they were read at, so a caller can tell when to read again. */
export async function loadPlacementAreas(database: Database, on: Executor): Promise<{ stamp: string; areas: PlacementArea[] }> {
  const stamp = await areasStamp(database, on);
  const rows = await database.rows<Record<string, unknown>>(
    sql`SELECT id::text AS id, level, path, name, names, codes,
          CASE WHEN geom IS NULL THEN NULL ELSE ST_AsGeoJSON(ST_Multi(geom)) END AS shape
        FROM areas WHERE deleted_at IS NULL ORDER BY id`,
    on,
  );
  return {
    stamp,
    areas: rows.map((r) => ({
      id: r.id as string,
      level: r.level as string,
      path: r.path as string[],
      name: r.name as string,
      names: (r.names ?? {}) as Record<string, string>,
      codes: (r.codes ?? {}) as Record<string, unknown>,
      polygons: r.shape ? (JSON.parse(r.shape as string) as { coordinates: [number, number][][][] }).coordinates : null,
    })),
  };
}

/** Changes whenever an area is added, edited or (soft-)deleted: the stamp trigger bumps change_seq on each. */
export async function areasStamp(database: Database, on: Executor): Promise<string> {
  const [row] = await database.rows<{ stamp: number; n: number }>(
    sql`SELECT coalesce(max(change_seq), 0)::bigint AS stamp, count(*)::int AS n FROM areas`,
    on,
  );
  // The row count guards against a hard delete, which leaves no newer change_seq behind.
  return `${Number(row?.stamp ?? 0)}:${Number(row?.n ?? 0)}`;
}
