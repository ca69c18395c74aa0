import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Database } from '../../apps/server/src/db/database.js';
import { wrapPglite } from '../../apps/server/src/db/open-pglite.js';
import { openPostgres } from '../../apps/server/src/db/open-postgres.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { areaRollup } from '../../apps/server/src/db/areas/area-rollup.repository.js';
import { listVisibleSchools } from '../../apps/server/src/db/schools/schools.repository.js';
import { clustersInTile } from '../../apps/server/src/db/tiles/school-tiles.repository.js';
import { CLUSTER_BELOW_ZOOM, getSchoolTile } from '../../apps/server/src/domain/tiles/get-school-tile.js';
import { systemActor, type Ctx } from '../../apps/server/src/domain/shared/context.js';
import { readBoundaryFile } from '../../apps/server/src/domain/registry/boundaries/read-boundary-file.js';
import { importTestContext, sharedData } from '../../apps/server/src/domain/registry/boundaries/import-test-context.js';
import { runBoundaryImport } from '../../apps/server/src/domain/registry/boundaries/run-boundary-import.js';
import { runSchoolImportOn } from '../../apps/server/src/domain/registry/schools/school-import-harness.js';
import { BATCH_SIZE } from '../../apps/server/src/domain/registry/schools/run-school-import.js';
import { districtsFromBoundaryFile } from '../../apps/server/src/domain/registry/generate/boundary-districts.js';
import { generateSchoolCsv, SCHOOL_CSV_COLUMNS } from '../../apps/server/src/domain/registry/generate/generate-schools.js';
import { load, median, row, type BenchRow } from './report.js';
import { scratchPostgres } from './scratch-postgres.js';

const INDIA = sharedData('udit001_india_districts_states.topo.json');
const ALL = { kind: 'all' } as const;
const SEARCH_LIMIT = 50;

interface BenchDb {
  database: Database;
  kind: string;
  /** The plain baseline load of the CSV into `bench_raw`, and its honest name. */
  copy(file: string): Promise<void>;
  copyName: string;
  hasMvt: boolean;
  close(): Promise<void>;
}

async function openBenchDb(url: string | undefined, dir: string): Promise<BenchDb> {
  if (!url) {
    const client = await PGlite.create({ dataDir: path.join(dir, 'pglite'), extensions: { postgis, pg_trgm } });
    await client.exec('SET jit = off; SET max_parallel_workers_per_gather = 0;');
    const database = wrapPglite(client);
    return {
      database,
      kind: 'PGlite',
      copyName: 'PGlite COPY FROM /dev/blob (text columns)',
      hasMvt: false,
      async copy(file) {
        const blob = await openAsBlob(file);
        await client.query(`COPY bench_raw FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
      },
      close: () => database.close(),
    };
  }
  const scratch = await scratchPostgres(url, 'bench_registry');
  const database = await openPostgres(scratch.url);
  return {
    database,
    kind: 'PostgreSQL',
    copyName: 'PostgreSQL COPY FROM STDIN (pg-copy-streams, text columns)',
    hasMvt: true,
    async copy(file) {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        await pipeline(
          createReadStream(file),
          client.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')),
        );
      } finally {
        await client.end();
      }
    },
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Peak resident memory while `fn` runs, sampled every 100 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t = performance.now();
  try {
    const value = await fn();
    return [performance.now() - t, value, Math.max(peak, process.memoryUsage().rss)];
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

async function writeCsv(file: string, count: number, seed: number): Promise<void> {
  const districts = districtsFromBoundaryFile(readBoundaryFile(await readFile(INDIA)), 'districts');
  const out = createWriteStream(file);
  let chunk: string[] = [];
  for (const line of generateSchoolCsv(districts, { count, seed })) {
    chunk.push(line);
    if (chunk.length >= 5000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(chunk.length ? `${chunk.join('\n')}\n` : '');
  await once(out, 'finish');
}

function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

function tileFeatures(bytes: Uint8Array): { features: number; counted: number } {
  const layer = new VectorTile(new PbfReader(bytes)).layers.schools;
  if (!layer) return { features: 0, counted: 0 };
  let counted = 0;
  for (let i = 0; i < layer.length; i++) counted += Number(layer.feature(i).properties.count ?? 1);
  return { features: layer.length, counted };
}

/** The same tile from PostGIS alone: ST_AsMVTGeom/ST_AsMVT, schools below zoom 9 clustered on the same 64-unit grid. */
function mvtSql(t: { z: number; x: number; y: number }) {
  const bounds = sql`ST_MakeEnvelope(-20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244, 3857)`;
  const points = sql`
    SELECT ST_AsMVTGeom(ST_Transform(s.location, 3857), ST_TileEnvelope(${t.z}, ${t.x}, ${t.y}), 4096, 64, true) AS geom,
      s.id::text AS id, s.name, s.code,
      coalesce(s.enrolment_total, coalesce(s.enrolment_girls, 0) + coalesce(s.enrolment_boys, 0))::int AS children
    FROM schools s
    WHERE s.deleted_at IS NULL
      AND s.location && ST_Transform(ST_TileEnvelope(${t.z}, ${t.x}, ${t.y}, ${bounds}, ${64 / 4096}::float8), 4326)`;
  if (t.z >= 9)
    return sql`WITH q AS (${points}) SELECT ST_AsMVT(q, 'schools', 4096, 'geom') AS tile FROM q WHERE geom IS NOT NULL`;
  return sql`WITH p AS (${points}),
    c AS (SELECT ST_Centroid(ST_Collect(geom)) AS geom, count(*)::int AS count, sum(children)::bigint AS children
          FROM p WHERE geom IS NOT NULL GROUP BY floor(ST_X(geom) / 64), floor(ST_Y(geom) / 64))
    SELECT ST_AsMVT(c, 'schools', 4096, 'geom') AS tile FROM c`;
}

/** Schools within half a tile unit of the edge of the tile's 64-unit buffer, where rounding decides. */
function bufferEdgeSql(t: { z: number; x: number; y: number }) {
  const env = sql`ST_TileEnvelope(${t.z}, ${t.x}, ${t.y})`;
  return sql`WITH p AS (
      SELECT (ST_X(m) - ST_XMin(${env})) / (ST_XMax(${env}) - ST_XMin(${env})) * 4096 AS px,
             (ST_YMax(${env}) - ST_Y(m)) / (ST_YMax(${env}) - ST_YMin(${env})) * 4096 AS py
      FROM (SELECT ST_Transform(location, 3857) AS m FROM schools WHERE deleted_at IS NULL
            AND location && ST_Transform(ST_Expand(${env}, (ST_XMax(${env}) - ST_XMin(${env})) * 65 / 4096), 4326)) q)
    SELECT count(*)::int AS n FROM p
    WHERE px BETWEEN -64.5 AND 4160.5 AND py BETWEEN -64.5 AND 4160.5
      AND (abs(px + 64) <= 0.5 OR abs(px - 4160) <= 0.5 OR abs(py + 64) <= 0.5 OR abs(py - 4160) <= 0.5)`;
}

/**
 * The registry at national scale: a synthetic all-India school file (real district polygons) imported through
 * our importer beside a plain COPY of the same file, then tiles, search and roll-up beside plain SQL, each pair
 * checked to give the same answer first.
 */
export async function registryBench(url: string | undefined): Promise<BenchRow[]> {
  const count = Number(process.env.BENCH_SCHOOLS ?? 1_500_000);
  const seed = 11;
  const label = count >= 1_000_000 ? `${(count / 1e6).toFixed(1).replace('.', '_')}M` : `${Math.round(count / 1000)}k`;
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-registry-'));
  const csvFile = path.join(dir, 'schools.csv');
  const rows: BenchRow[] = [];
  // The issue names the PostgreSQL rows; the embedded database's rows keep their own names beside them.
  const suffix = url ? '' : '.pglite';
  const bench = await openBenchDb(url, dir);
  const { database, kind } = bench;
  try {
    const genStart = performance.now();
    await writeCsv(csvFile, count, seed);
    const genMs = performance.now() - genStart;
    await migrate(database);
    const boundaries = await runBoundaryImport(importTestContext(database, { path: INDIA }));
    if (boundaries.status !== 'completed') throw new Error(`boundary import: ${boundaries.status} ${boundaries.message ?? ''}`);

    // Import: ours (validated, placed, written with history) against a plain COPY into text columns.
    const [oursMs, outcome, peak] = await withPeakRss(() => runSchoolImportOn(database, { path: csvFile }));
    if (outcome.status !== 'completed' || outcome.counts.created !== count)
      throw new Error(`school import: ${outcome.status}, ${JSON.stringify(outcome.counts)} ${outcome.message ?? ''}`);
    await database.execScript(`CREATE TABLE bench_raw (${SCHOOL_CSV_COLUMNS.map((c) => `${c} text`).join(', ')})`);
    const [copyMs, , copyPeak] = await withPeakRss(() => bench.copy(csvFile));
    const [same] = await database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM bench_raw r JOIN schools s ON s.code = r.schcd`,
    );
    if (same?.n !== count) throw new Error(`import: ${same?.n} of ${count} codes in both tables`);
    const placed = await database.rows<{ placement: string; n: number }>(
      sql`SELECT placement, count(*)::int AS n FROM schools GROUP BY 1 ORDER BY 2 DESC`,
    );
    await database.execScript('ANALYZE schools; ANALYZE bench_raw;');
    rows.push(
      row(
        `registry.import.${label}${suffix}`,
        oursMs,
        bench.copyName,
        copyMs,
        `${kind}; ${Math.round(count / (oursMs / 1000))} rows/s; peak RSS ${mb(peak)} (COPY ${mb(copyPeak)}); placement ${placed.map((p) => `${p.placement} ${p.n}`).join(', ')}; CSV generated in ${(genMs / 1000).toFixed(1)} s; ${load()}`,
      ),
    );

    // Tiles over Lucknow (every district is equally dense: schools follow area), as an administrator.
    const ctx: Ctx = { database, tx: database.db, actor: systemActor, requestId: 'bench', now: new Date() };
    for (const z of [6, 12]) {
      const t = tileOf(80.95, 26.85, z);
      const ours = tileFeatures(await getSchoolTile(ctx, t));
      let baselineMs: number | null = null;
      let note = `${kind}; ${count} schools in the registry; ${ours.features} features, ${ours.counted} schools`;
      if (bench.hasMvt) {
        const theirsRow = await database.rows<{ tile: Uint8Array }>(mvtSql(t));
        const theirs = tileFeatures(theirsRow[0]!.tile);
        // ST_AsMVTGeom rounds to whole units before it clips: a school within half a unit of the buffer's edge may
        // fall either side. Only those may differ.
        const [edge] = await database.rows<{ n: number }>(bufferEdgeSql(t));
        const slack = Math.abs(theirs.counted - ours.counted);
        if (slack > (edge?.n ?? 0) || (z >= 9 && theirs.features !== ours.features))
          throw new Error(`tile ${z}/${t.x}/${t.y}: ours ${JSON.stringify(ours)}, ST_AsMVT ${JSON.stringify(theirs)}`);
        if (slack)
          note += ` (ST_AsMVT counts ${theirs.counted - ours.counted} more: ${edge!.n} on the buffer's edge after rounding)`;
        if (theirs.features !== ours.features)
          note += ` (ST_AsMVT ${theirs.features} clusters: its points are snapped to whole units before gridding)`;
        baselineMs = await median(10, () => database.rows(mvtSql(t)));
      }
      const oursMs2 = await median(10, () => getSchoolTile(ctx, t));
      if (z < CLUSTER_BELOW_ZOOM) {
        // The same clusters grouped from the schools on each request, as before the stored cells (migration 0008).
        const live = { ...t, extent: 4096, buffer: 64 };
        const liveMs = await median(5, () => clustersInTile(database, ALL, live, 64));
        note += `; grouping the schools live instead: ${liveMs.toFixed(1)} ms`;
      }
      rows.push(
        row(
          `registry.tile.z${z}${suffix}`,
          oursMs2,
          bench.hasMvt ? 'PostGIS ST_AsMVT' : 'none (PGlite has no ST_AsMVT)',
          baselineMs,
          `${note}; goal ≤ 50 ms; ${load()}`,
        ),
      );
    }

    // Search: name fragment through our scoped list against a plain ILIKE with no scope.
    const [sample] = await database.rows<{ village: string }>(
      sql`SELECT village FROM schools ORDER BY code LIMIT 1 OFFSET ${Math.floor(count / 3)}`,
    );
    // A misspelt village (its last letter doubled): no name contains it, so only similar names can answer.
    const village = sample!.village;
    for (const [name, q] of [
      ['registry.search', village],
      ['registry.search.typo', `${village}${village.at(-1)}`],
      ['registry.search.miss', 'Qzxv'],
    ] as const) {
      const plain = sql`SELECT id::text AS id FROM schools WHERE name ILIKE ${`%${q}%`} ORDER BY id LIMIT ${SEARCH_LIMIT}`;
      const ours = (await listVisibleSchools(database.db, ALL, { q, limit: SEARCH_LIMIT })).map((s) => s.id);
      const theirs = (await database.rows<{ id: string }>(plain)).map((r) => r.id);
      // Ours also finds misspelt words and code prefixes, so it must hold every ILIKE match up to its last id.
      const last = ours.length < SEARCH_LIMIT ? 'ffffffff' : ours.at(-1)!;
      const missing = theirs.filter((id) => id <= last && !ours.includes(id));
      if (missing.length) throw new Error(`search ${q}: ${missing.length} ILIKE matches missing from ours`);
      if (name === 'registry.search.typo' && ours.length === 0) throw new Error(`search ${q}: the misspelt name found nothing`);
      const [matches] = await database.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM schools WHERE name ILIKE ${`%${q}%`}`,
      );
      rows.push(
        row(
          `${name}${suffix}`,
          await median(10, () => listVisibleSchools(database.db, ALL, { q, limit: SEARCH_LIMIT })),
          'plain SELECT … WHERE name ILIKE (no scope)',
          await median(10, () => database.rows(plain)),
          `${kind}; q="${q}" is in ${matches!.n} of ${count} names, ours answers ${ours.length} (first ${SEARCH_LIMIT} by id); ours: names containing it or codes starting with it (trigram GIN on lower(name), code prefix), else names with a word similar to it (pg_trgm word similarity); goal ≤ 50 ms; ${load()}`,
        ),
      );
    }

    // Roll-up by district against a plain GROUP BY area_id.
    const plainRollup = sql`SELECT area_id::text AS area_id, count(*)::int AS n,
      sum(coalesce(enrolment_girls, 0) + coalesce(enrolment_boys, 0))::bigint AS children FROM schools GROUP BY area_id`;
    const ours = await areaRollup(database, database.db, ALL, { level: 'district', withGeometry: false });
    const theirs = new Map(
      (await database.rows<{ area_id: string; n: number; children: number }>(plainRollup)).map((r) => [r.area_id, r]),
    );
    const wrong = ours.filter(
      (r) =>
        r.schools > 0 &&
        (theirs.get(r.area_id)?.n !== r.schools || Number(theirs.get(r.area_id)?.children) !== Number(r.children)),
    );
    if (wrong.length) throw new Error(`roll-up: ${wrong.length} districts differ from the plain GROUP BY`);
    const total = ours.reduce((s, r) => s + r.schools, 0);
    rows.push(
      row(
        `registry.rollup.district${suffix}`,
        await median(5, () => areaRollup(database, database.db, ALL, { level: 'district', withGeometry: false })),
        'plain SELECT area_id, count(*), sum(…) GROUP BY area_id',
        await median(5, () => database.rows(plainRollup)),
        `${kind}; ${ours.length} districts, ${total} schools counted (ours: counts kept per area by the schools triggers); goal ≤ 200 ms; ${load()}`,
      ),
    );
    rows.push(await insertFloorRow(database, { label, suffix, kind, count, copyMs, copyName: bench.copyName }));
  } finally {
    await bench.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

/**
 * The least any importer writing into `schools` pays: the same rows, already typed and placed, with the ids our
 * import gave them (time-ordered UUIDv7, in the same order), put in by INSERT … SELECT a batch at a time into a
 * copy of the table with its indexes and triggers (change stamps, area counts, tile cells), with no validation,
 * placement, comparison or history. Last, since its triggers add to the shared counts and cells.
 */
async function insertFloorRow(
  database: Database,
  run: { label: string; suffix: string; kind: string; count: number; copyMs: number; copyName: string },
): Promise<BenchRow> {
  await database.execScript(`
    CREATE TABLE floor_source AS
      SELECT row_number() OVER (ORDER BY s.id) AS n, r.*, s.id, s.area_id, s.area_path, s.placement
        FROM bench_raw r JOIN schools s ON s.code = r.schcd;
    CREATE INDEX ON floor_source (n);
    CREATE TABLE schools_floor (LIKE schools INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
    CREATE TRIGGER floor_stamp BEFORE INSERT OR UPDATE ON schools_floor FOR EACH ROW EXECUTE FUNCTION stamp_change();
    CREATE TRIGGER floor_counts AFTER INSERT ON schools_floor REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION area_school_counts_apply();
    CREATE TRIGGER floor_cells AFTER INSERT ON schools_floor REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION school_tile_cells_apply();
    ANALYZE floor_source;`);
  const t = performance.now();
  // In statements of the importer's batch size, as the importer writes (and the triggers see) them.
  for (let first = 1; first <= run.count; first += BATCH_SIZE)
    await database.execScript(`
    INSERT INTO schools_floor (id, code, code_system, country_code, name, education_level, management, rural_urban, village,
      location, area_id, area_path, placement, enrolment_girls, enrolment_boys, teachers_female, teachers_male, classrooms)
    SELECT id, schcd, 'udise', 'IN', schname, school_cat, management,
      CASE rururb WHEN '1' THEN 'rural' WHEN '2' THEN 'urban' END, vilname,
      ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326), area_id, area_path, placement,
      enrolment_girls::int, enrolment_boys::int, teachers_female::int, teachers_male::int, clrooms::int
    FROM floor_source WHERE n BETWEEN ${first} AND ${first + BATCH_SIZE - 1}`);
  const floorMs = performance.now() - t;
  const [n] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM schools_floor`);
  if (n?.n !== run.count) throw new Error(`floor insert: ${n?.n} of ${run.count} rows`);
  return row(
    `registry.import.floor_${run.label}${run.suffix}`,
    floorMs,
    run.copyName,
    run.copyMs,
    `${run.kind}; INSERT … SELECT of the same rows, typed and placed, ${BATCH_SIZE} at a time, into a copy of schools with its 9 indexes and its triggers, no checks: the least an importer into this table pays; ${load()}`,
  );
}
