import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';

export interface GeocodeAreaRow extends Record<string, unknown> {
  id: string;
  value_name: string;
  value: string;
  geometry: string;
}

/** Live areas whose codes hold `value` under a code system named like `valueName` (case-insensitive). */
export async function areasByCodes(database: Database, geocodes: { valueName: string; value: string }[]): Promise<GeocodeAreaRow[]> {
  const names = `{${geocodes.map((g) => `"${g.valueName.toLowerCase().replaceAll('"', '')}"`).join(',')}}`;
  const values = `{${geocodes.map((g) => `"${g.value.replaceAll('"', '')}"`).join(',')}}`;
  return database.rows<GeocodeAreaRow>(
    sql`SELECT DISTINCT ON (a.id) a.id::text AS id, g.n AS value_name, g.v AS value, ST_AsGeoJSON(a.geom) AS geometry
        FROM unnest(${names}::text[], ${values}::text[]) AS g(n, v)
        JOIN areas a ON a.deleted_at IS NULL AND a.geom IS NOT NULL AND (a.valid_to IS NULL OR a.valid_to >= current_date)
        JOIN LATERAL jsonb_each_text(a.codes) c ON lower(c.key) = g.n AND c.value = g.v`,
  );
}
