import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/db/database.js';
import type { MultiPolygonCoords } from '../../packages/geo/src/geometry-types.js';
import type { GridSpec } from '../../packages/geo/src/shakemap/grid-types.js';
import type { SchoolIndexInput } from '../../packages/geo/src/spatial/school-index.js';

const list = (values: ArrayLike<number>): string => `{${Array.from(values).join(',')}}`;

/**
 * Loads the synthetic schools (point, district index, typology index, enrolment) and districts into bare PostGIS
 * tables with the indexes a tuned setup would have.
 */
export async function loadPostgisFixture(database: Database, input: SchoolIndexInput, districts: readonly MultiPolygonCoords[]): Promise<void> {
  const { lon, lat, areaIdx, typology, girls, boys, total } = input;
  await database.execScript(`
    CREATE EXTENSION IF NOT EXISTS postgis;
    DROP TABLE IF EXISTS bench_schools; DROP TABLE IF EXISTS bench_districts;
    CREATE TABLE bench_schools (i integer PRIMARY KEY, geom geometry(Point, 4326) NOT NULL, district integer NOT NULL,
      typology smallint NOT NULL, girls integer NOT NULL, boys integer NOT NULL, total integer NOT NULL);
    CREATE TABLE bench_districts (i integer PRIMARY KEY, geom geometry(MultiPolygon, 4326) NOT NULL);`);
  const batch = 50_000;
  for (let start = 0; start < lon.length; start += batch) {
    const end = Math.min(lon.length, start + batch);
    const ids = Array.from({ length: end - start }, (_, k) => start + k);
    const part = (a: ArrayLike<number> & { subarray(s: number, e: number): ArrayLike<number> }) => list(a.subarray(start, end));
    await database.db.execute(
      sql`INSERT INTO bench_schools SELECT i, ST_SetSRID(ST_MakePoint(x, y), 4326), d, t, g, b, n
          FROM unnest(${list(ids)}::int[], ${part(lon)}::float8[], ${part(lat)}::float8[], ${part(areaIdx)}::int[],
                      ${part(typology)}::smallint[], ${part(girls)}::int[], ${part(boys)}::int[], ${part(total)}::int[]) AS t(i, x, y, d, t, g, b, n)`,
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

/**
 * Loads a ShakeMap-like grid as one row per grid cell (k = row * nlon + col of its north-west node, row 0 north)
 * carrying its four corner values of MMI and PGA, so bilinear interpolation at a school is one primary-key
 * lookup instead of four. Values are stored as real: the grid's own float32 values, exactly.
 */
export async function loadGridFixture(database: Database, spec: GridSpec, fields: { MMI: Float32Array; PGA: Float32Array }): Promise<void> {
  const { nlon, nlat } = spec;
  await database.execScript(`
    DROP TABLE IF EXISTS bench_grid_cells;
    CREATE TABLE bench_grid_cells (k integer PRIMARY KEY, m00 real NOT NULL, m01 real NOT NULL, m10 real NOT NULL, m11 real NOT NULL,
      p00 real NOT NULL, p01 real NOT NULL, p10 real NOT NULL, p11 real NOT NULL);`);
  const rowsPerBatch = 40;
  for (let y0 = 0; y0 < nlat - 1; y0 += rowsPerBatch) {
    const y1 = Math.min(nlat - 1, y0 + rowsPerBatch);
    const k: number[] = [];
    const cols: number[][] = Array.from({ length: 8 }, () => []);
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < nlon - 1; x++) {
        const c = y * nlon + x;
        k.push(c);
        const corners = [c, c + 1, c + nlon, c + nlon + 1];
        corners.forEach((at, j) => {
          cols[j]!.push(fields.MMI[at]!);
          cols[j + 4]!.push(fields.PGA[at]!);
        });
      }
    }
    const [m00, m01, m10, m11, p00, p01, p10, p11] = cols.map(list) as [string, string, string, string, string, string, string, string];
    await database.db.execute(
      sql`INSERT INTO bench_grid_cells SELECT * FROM unnest(${list(k)}::int[], ${m00}::real[], ${m01}::real[], ${m10}::real[], ${m11}::real[],
                                                            ${p00}::real[], ${p01}::real[], ${p10}::real[], ${p11}::real[])`,
    );
  }
  await database.execScript('ANALYZE bench_grid_cells;');
}

/** A number as an SQL literal that reads back as the same double (JS prints the shortest round-trip form). */
const num = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `(${x})::float8`;
};

/**
 * Φ(x) as an SQL expression over a column `x`, through the same published complementary error function the
 * engine tabulates its curves with: "erfcc" of Press et al., Numerical Recipes (2nd ed., 1992, §6.2), fractional
 * error below 1.2e-7. `t` must be a column holding 1 / (1 + 0.5 |x| / √2).
 */
function phiSql(x: string, t: string): string {
  const poly = `${t} * (1.00002368 + ${t} * (0.37409196 + ${t} * (0.09678418 + ${t} * (-0.18628806 + ${t} * (0.27886807 + ${t} * (-1.13520398 + ${t} * (1.48851587 + ${t} * (-0.82215223 + ${t} * 0.17087277))))))))`;
  const erfc = `${t} * exp(-(${x} * ${x}) / 2 - 1.26551223 + ${poly})`;
  return `CASE WHEN ${x} IS NULL THEN 0 WHEN ${x} >= 0 THEN 1 - 0.5 * ${erfc} ELSE 0.5 * ${erfc} END`;
}

/**
 * Per-school ShakeMap impact in SQL, the engine's computation step by step: the same bilinear interpolation
 * (row 0 north, the last row/column stepping back one cell, schools outside the grid left out) from
 * bench_grid_cells, PGA from %g to g, and P(DS ≥ ls) = Φ(ln(PGA/θ)/β) per limit state from bench_fragility
 * (the Hazus medians chosen for each typology). Columns: i, district, girls, boys, total, mmi, pga, p1..p4.
 * OFFSET 0 keeps each level from being pulled up into the next, so ST_X/ln/exp run once per school, not once
 * per reference.
 */
export function shakemapSchoolsSql(spec: GridSpec): string {
  const fxScale = (spec.nlon - 1) / (spec.lonMax - spec.lonMin);
  const fyScale = (spec.nlat - 1) / (spec.latMax - spec.latMin);
  const maxX = spec.nlon - 1;
  const maxY = spec.nlat - 1;
  const lerp = (p: string) => `(g.${p}00 * (1 - c.tx) + g.${p}01 * c.tx) * (1 - c.ty) + (g.${p}10 * (1 - c.tx) + g.${p}11 * c.tx) * c.ty`;
  const ls = [1, 2, 3, 4];
  return `
    SELECT i, district, girls, boys, total, mmi, pga, ${ls.map((l) => `${phiSql(`x${l}`, `t${l}`)} AS p${l}`).join(', ')} FROM (
      SELECT *, ${ls.map((l) => `1 / (1 + 0.5 * abs(x${l}) / sqrt(2::float8)) AS t${l}`).join(', ')} FROM (
        SELECT v.*, ${ls.map((l) => `CASE WHEN v.pga > 0 THEN ln(v.pga / f.t${l}) / f.b${l} END AS x${l}`).join(', ')}
        FROM (
          SELECT c.i, c.district, c.typology, c.girls, c.boys, c.total, ${lerp('m')} AS mmi, (${lerp('p')}) / 100 AS pga
          FROM (
            SELECT i, district, typology, girls, boys, total, fx - x0 AS tx, fy - y0 AS ty, (y0 * ${spec.nlon} + x0)::int AS k FROM (
              SELECT *, CASE WHEN fx < ${maxX} THEN floor(fx) ELSE ${maxX - 1} END AS x0, CASE WHEN fy < ${maxY} THEN floor(fy) ELSE ${maxY - 1} END AS y0 FROM (
                SELECT i, district, typology, girls, boys, total, (ST_X(geom) - ${num(spec.lonMin)}) * ${num(fxScale)} AS fx, (${num(spec.latMax)} - ST_Y(geom)) * ${num(fyScale)} AS fy
                FROM bench_schools OFFSET 0
              ) a WHERE fx >= 0 AND fx <= ${maxX} AND fy >= 0 AND fy <= ${maxY} OFFSET 0
            ) b OFFSET 0
          ) c JOIN bench_grid_cells g ON g.k = c.k OFFSET 0
        ) v JOIN bench_fragility f ON f.typology = v.typology OFFSET 0
      ) x OFFSET 0
    ) y`;
}

/** Loads the fragility each typology index gets (medians and β per limit state); four limit states. */
export async function loadFragilityFixture(database: Database, byTypology: readonly { theta: number[]; beta: number[] }[]): Promise<void> {
  const values = byTypology.map((f, t) => `(${t}, ${[...f.theta, ...f.beta].map(num).join(', ')})`).join(', ');
  await database.execScript(`
    DROP TABLE IF EXISTS bench_fragility;
    CREATE TABLE bench_fragility (typology smallint PRIMARY KEY, t1 float8, t2 float8, t3 float8, t4 float8, b1 float8, b2 float8, b3 float8, b4 float8);
    INSERT INTO bench_fragility VALUES ${values};
    ANALYZE bench_fragility;`);
}

/** One interpolated track position: centre, best-track wind, translation (m/s) and the engine's reach (km). */
export interface TwinStep {
  lon: number;
  lat: number;
  windMs: number;
  ve: number;
  vn: number;
  reachKm: number;
}

/**
 * Peak cyclone wind per school in SQL: for every interpolated step, every school in the step's reach box (GiST
 * index), the planar offset in km as the engine takes it, then the asymmetric Holland wind: Vsym = Vbt - vt/2,
 * Rm from Willoughby et al. (2006) eq. 7a, B from Powell et al. (2005), V(r) = Vsym √(x e^(1-x)) with
 * x = (Rm/r)^B, plus the translation with Jelesnianski's (1966) decay Rm r / (Rm² + r²), counter-clockwise
 * north of the equator. Reach only prunes: beyond it the wind cannot reach the 15 m/s cut-off. Columns: i, peak
 * (schools whose peak reaches `minWindMs`).
 */
export function cycloneSchoolsSql(steps: readonly TwinStep[], kmPerDegLat: number, deg: number, minWindMs: number): string {
  const values = steps.map((s) => `(${[s.lon, s.lat, s.windMs, s.ve, s.vn, s.reachKm].map(num).join(', ')})`).join(',\n');
  const kmLat = num(kmPerDegLat);
  return `
    SELECT i, max(wind) AS peak FROM (
      SELECT i, CASE WHEN r < 1e-6 THEN 0 ELSE sqrt(u * u + w * w) END AS wind FROM (
        SELECT i, r, sgn * -dy * v / r + ve * decay AS u, sgn * dx * v / r + vn * decay AS w FROM (
          SELECT i, r, dx, dy, sgn, ve, vn,
                 CASE WHEN r < 1e-6 OR xx > 700 THEN 0 ELSE vsym * sqrt(xx * exp(1 - xx)) END AS v,
                 rmax * r / (rmax * rmax + r * r) AS decay FROM (
            SELECT *, CASE WHEN r < 1e-6 THEN 0 ELSE power(rmax / r, b) END AS xx FROM (
              SELECT *, sqrt(dx * dx + dy * dy) AS r FROM (
                SELECT s.i, (ST_X(s.geom) - st.lon) * st.kmlon AS dx, (ST_Y(s.geom) - st.lat) * ${kmLat} AS dy, st.*
                FROM (
                  SELECT *, least(2.5, greatest(1, 1.881093 - 0.010917 * abs(lat) - 0.005567 * rmax)) AS b FROM (
                    SELECT *, 46.4 * exp(-0.0155 * vsym + 0.0169 * abs(lat)) AS rmax, ${kmLat} * cos(lat * ${num(deg)}) AS kmlon,
                           CASE WHEN lat >= 0 THEN 1 ELSE -1 END AS sgn FROM (
                      SELECT *, greatest(wind - sqrt(ve * ve + vn * vn) / 2, 0) AS vsym FROM (VALUES ${values}) AS t(lon, lat, wind, ve, vn, reach)
                    ) q1
                  ) q2 OFFSET 0
                ) st
                JOIN bench_schools s ON s.geom && ST_MakeEnvelope(st.lon - st.reach / (${kmLat} * greatest(cos(st.lat * ${num(deg)}), 0.01)), st.lat - st.reach / ${kmLat},
                                                                  st.lon + st.reach / (${kmLat} * greatest(cos(st.lat * ${num(deg)}), 0.01)), st.lat + st.reach / ${kmLat}, 4326)
                OFFSET 0
              ) q4 WHERE dx * dx + dy * dy <= reach * reach OFFSET 0
            ) q5 OFFSET 0
          ) q6 OFFSET 0
        ) q7 OFFSET 0
      ) q8
    ) q9 GROUP BY i HAVING max(wind) >= ${num(minWindMs)}`;
}
