import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';

/**
 * An area row as the boundary import would leave it, with a square polygon [lon0, lat0, lon1, lat1] (or none), for
 * tests of placement by point in polygon. `path` ends with the area's own id.
 */
export async function insertBoxArea(
  database: Database,
  area: { id: string; level: string; name: string; path: string[]; codes: Record<string, string>; box: number[] | null },
): Promise<void> {
  const { box } = area;
  const geom = box
    ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [box[0], box[1]],
            [box[2], box[1]],
            [box[2], box[3]],
            [box[0], box[3]],
            [box[0], box[1]],
          ],
        ],
      })}), 4326))`
    : sql`NULL`;
  await database.rows(sql`INSERT INTO areas (id, parent_id, level, name, codes, path, geom, country_code)
    VALUES (${area.id}, ${area.path.at(-2) ?? null}, ${area.level}, ${area.name}, ${JSON.stringify(area.codes)}::jsonb,
            ${`{${area.path.join(',')}}`}::uuid[], ${geom}, 'IN')`);
}
