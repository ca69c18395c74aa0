import { sql } from 'drizzle-orm';
import { SchoolIndex, countByPolygons, haversineKm, withinCircle, withinPolygon } from '../../packages/geo/src/index.js';
import { runEngineBench } from '../../packages/geo/src/testing/engine-bench.js';
import { INDIA_BOX, syntheticDistricts, syntheticState } from '../../packages/geo/src/testing/synthetic-areas.js';
import { rng, syntheticSchools } from '../../packages/geo/src/testing/synthetic-schools.js';
import type { Database } from '../../apps/server/src/db/database.js';
import { openPglite } from '../../apps/server/src/db/open-pglite.js';
import { openPostgres } from '../../apps/server/src/db/open-postgres.js';
import { loadPostgisFixture } from './postgis-fixture.js';
import { median, row, type BenchRow } from './report.js';
import { scratchPostgres } from './scratch-postgres.js';

const sameSet = (a: ArrayLike<number>, b: readonly number[]) => {
  const x = Array.from(a).sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, k) => v === y[k]);
};

async function openBaseline(url: string | undefined): Promise<{ database: Database; close(): Promise<void> }> {
  if (!url) {
    const database = await openPglite(undefined);
    return { database, close: () => database.close() };
  }
  const scratch = await scratchPostgres(url, 'bench_impact');
  const database = await openPostgres(scratch.url);
  return {
    database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * The impact engine beside PostGIS answering the same questions over the same synthetic national registry, each
 * pair checked to give the same schools first. Rows without a PostGIS twin come from the engine's own bench.
 */
export async function impactBench(url: string | undefined): Promise<BenchRow[]> {
  const count = Number(process.env.BENCH_SCHOOLS ?? 1_500_000);
  const seed = 7;
  const input = syntheticSchools(count, INDIA_BOX, seed, ['RCC', 'kutcha', 'pucca', 'semi-pucca', 'masonry']);
  const districts = syntheticDistricts(INDIA_BOX, 28, 25, 50, seed);
  const index = SchoolIndex.build(input);
  const base = await openBaseline(url);
  const kind = url ? 'PostgreSQL+PostGIS' : 'PGlite+PostGIS';
  const rows: BenchRow[] = [];
  try {
    await loadPostgisFixture(base.database, input.lon, input.lat, districts);
    const db = base.database;

    const r = rng(seed + 11);
    const centres = Array.from({ length: 20 }, () => [75 + r() * 12, 15 + r() * 12] as const);
    for (const [lon, lat] of centres.slice(0, 5)) {
      const ours = withinCircle(index, lon, lat, 50);
      const theirs = (await db.rows<{ i: number }>(sql`SELECT i FROM bench_schools WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography, 50000, false)`)).map((x) => x.i);
      // Sphere radii differ in the last metre; a school that close to the rim counts as a tie, anything else fails.
      const a = new Set(ours);
      const b = new Set(theirs);
      const diff = [...a].filter((i) => !b.has(i)).concat(theirs.filter((i) => !a.has(i)));
      const real = diff.filter((i) => Math.abs(haversineKm(lon, lat, input.lon[i]!, input.lat[i]!) - 50) > 0.01);
      if (real.length) throw new Error(`circle at ${lon},${lat}: engine and PostGIS disagree on ${real.length} schools`);
    }
    let k = 0;
    const oursCircle = await median(200, () => withinCircle(index, centres[k % 20]![0], centres[k++ % 20]![1], 50));
    k = 0;
    const theirsCircle = await median(20, () => db.rows(sql`SELECT i FROM bench_schools WHERE ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(${centres[k % 20]![0]}, ${centres[k++ % 20]![1]}), 4326)::geography, 50000, false)`));
    rows.push(row('impact.circle.50km', oursCircle, kind, theirsCircle));

    const state = syntheticState(80, 22, 3.5, 200, seed);
    const stateJson = JSON.stringify({ type: 'MultiPolygon', coordinates: state });
    const polygonSql = sql`SELECT i FROM bench_schools WHERE ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON(${stateJson}), 4326), geom)`;
    if (!sameSet(withinPolygon(index, state), (await db.rows<{ i: number }>(polygonSql)).map((x) => x.i))) throw new Error('state polygon: engine and PostGIS disagree');
    rows.push(row('impact.polygon.state', await median(30, () => withinPolygon(index, state)), kind, await median(5, () => db.rows(polygonSql))));

    const areasSql = sql`SELECT d.i, count(s.i)::int AS n FROM bench_districts d JOIN bench_schools s ON ST_Covers(d.geom, s.geom) GROUP BY d.i`;
    const ours = countByPolygons(index, districts).schools;
    const theirs = await db.rows<{ i: number; n: number }>(areasSql);
    const mismatch = theirs.filter((t) => ours[t.i] !== t.n).length + (ours.reduce((s, v) => s + v, 0) === theirs.reduce((s, t) => s + t.n, 0) ? 0 : 1);
    if (mismatch) throw new Error(`700 districts: engine and PostGIS disagree on ${mismatch} districts`);
    rows.push(row('impact.areas.700', await median(5, () => countByPolygons(index, districts)), kind, await median(3, () => db.rows(areasSql))));
  } finally {
    await base.close();
  }
  for (const r of await runEngineBench({ count, seed })) {
    if (['impact.circle.50km', 'impact.polygon.state', 'impact.areas.700'].includes(r.name)) continue;
    rows.push(row(r.name, r.ms, r.name.startsWith('memory') ? 'bytes, not ms' : 'engine only (PostGIS twin: next step)', null, r.note));
  }
  return rows;
}
