import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/database.js';
import type { MultiPolygonCoords } from '../../packages/geo/src/geometry-types.js';

/** Loads the synthetic schools and districts into bare PostGIS tables with the indexes a tuned setup would have. */
export async function loadPostgisFixture(database: Database, lon: Float64Array, lat: Float64Array, districts: readonly MultiPolygonCoords[]): Promise<void> {
  await database.execScript(`
    CREATE EXTENSION IF NOT EXISTS postgis;
    DROP TABLE IF EXISTS bench_schools; DROP TABLE IF EXISTS bench_districts;
    CREATE TABLE bench_schools (i integer PRIMARY KEY, geom geometry(Point, 4326) NOT NULL);
    CREATE TABLE bench_districts (i integer PRIMARY KEY, geom geometry(MultiPolygon, 4326) NOT NULL);`);
  const batch = 50_000;
  for (let start = 0; start < lon.length; start += batch) {
    const end = Math.min(lon.length, start + batch);
    const ids = Array.from({ length: end - start }, (_, k) => start + k);
    await database.db.execute(
      sql`INSERT INTO bench_schools SELECT i, ST_SetSRID(ST_MakePoint(x, y), 4326)
          FROM unnest(${`{${ids.join(',')}}`}::int[], ${`{${Array.from(lon.subarray(start, end)).join(',')}}`}::float8[], ${`{${Array.from(lat.subarray(start, end)).join(',')}}`}::float8[]) AS t(i, x, y)`,
    );
  }
  for (let start = 0; start < districts.length; start += 100) {
    const slice = districts.slice(start, start + 100);
    await database.db.execute(
      sql`INSERT INTO bench_districts SELECT (d->>'i')::int, ST_SetSRID(ST_GeomFromGeoJSON(d->>'g'), 4326)
          FROM jsonb_array_elements(${JSON.stringify(slice.map((coordinates, k) => ({ i: start + k, g: JSON.stringify({ type: 'MultiPolygon', coordinates }) })))}::jsonb) AS d`,
    );
  }
  await database.execScript(`
    CREATE INDEX bench_schools_geom ON bench_schools USING gist (geom);
    CREATE INDEX bench_schools_geog ON bench_schools USING gist ((geom::geography));
    CREATE INDEX bench_districts_geom ON bench_districts USING gist (geom);
    ANALYZE bench_schools; ANALYZE bench_districts;`);
}
