import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readCycloneTrack } from '../cyclone/read-cyclone-track.js';
import { DEFAULT_FRAGILITY } from '../fragility/default-fragility.js';
import { computeImpact } from '../impact/compute-impact.js';
import { countByPolygons, preparePolygonSet, withinPolygon } from '../spatial/polygon-queries.js';
import type { MultiPolygonCoords } from '../geometry-types.js';
import { SchoolIndex, type SchoolIndexInput } from '../spatial/school-index.js';
import { withinCircle } from '../spatial/within-circle.js';
import { sharedText } from './shared-data.js';
import { INDIA_BOX, syntheticDistricts, syntheticShakeGrid, syntheticState } from './synthetic-areas.js';
import { rng, syntheticSchools } from './synthetic-schools.js';

export interface BenchResult {
  name: string;
  ms: number;
  note?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Runs fn `warm` times untimed, then `runs` times timed; returns the median and the fastest run in ms. */
function time(runs: number, warm: number, fn: (k: number) => unknown): { med: number; min: number } {
  for (let k = 0; k < warm; k++) fn(k);
  const xs: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn(k);
    xs.push(performance.now() - t0);
  }
  return { med: median(xs), min: Math.min(...xs) };
}

function gcFn(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const fmt = (t: { min: number }): string => `min ${t.min.toFixed(2)} ms`;

/**
 * The benchmark registry: `count` synthetic schools over India with five typologies, 700 synthetic districts,
 * and each school given a random district (so roll-ups touch every district). `r` is the generator after the
 * districts were drawn, for the caller's further random choices. The PostGIS twins load the same registry.
 */
export function benchRegistry(count: number, seed: number): { input: SchoolIndexInput; districts: MultiPolygonCoords[]; r: () => number } {
  const input = syntheticSchools(count, INDIA_BOX, seed, ['RCC', 'kutcha', 'pucca', 'semi-pucca', 'masonry']);
  const districts = syntheticDistricts(INDIA_BOX, 28, 25, 50, seed);
  input.areaCount = districts.length;
  const r = rng(seed + 1);
  for (let i = 0; i < input.areaIdx.length; i++) input.areaIdx[i] = Math.floor(r() * districts.length);
  return { input, districts, r };
}

/**
 * Medians of the geo engine's hot paths over `count` synthetic schools spread uniformly over India's extent
 * (school positions are in random order with respect to space: the worst case for caches), with 700 synthetic
 * districts (about 200 vertices each, sharing edges) as areas. Results are in ms, except
 * `memory.per_million_schools` in bytes. Each row's note says what exactly is timed and gives the fastest run,
 * which is the better guide when other processes load the machine.
 * - engine.build.1_5M: SchoolIndex.build (KD-tree + cell grid) over `count` schools.
 * - impact.circle.50km: withinCircle, 50 km, random centres in central India.
 * - impact.polygon.state: withinPolygon, a 200-vertex state-sized polygon.
 * - impact.areas.700: countByPolygons straight from 700 raw polygons (prepare, rasterise, count: the cold
 *   path); impact.areas.700.prepared: the same with a PolygonSet prepared once per index.
 * - impact.shakemap: computeImpact with a national ShakeMap-like grid (MMI + PGA), Hazus fragility and the
 *   700-district roll-up; impact.shakemap.exposure: the same without fragility.
 * - impact.cyclone: computeImpact for Fani 2019 (IMD best track, hourly steps, 15 m/s cut-off).
 */
export async function runEngineBench(opts: { count: number; seed: number }): Promise<BenchResult[]> {
  const gc = gcFn();
  const out: BenchResult[] = [];
  const { input, districts, r } = benchRegistry(opts.count, opts.seed);

  // Memory held by the index beyond its input arrays.
  gc?.();
  await new Promise((res) => setTimeout(res, 10));
  const before = process.memoryUsage();
  let index = SchoolIndex.build(input);
  gc?.();
  const after = process.memoryUsage();
  const indexBytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  const inputBytes = input.lon.byteLength * 2 + input.girls.byteLength * 3 + input.typology.byteLength + input.areaIdx.byteLength;
  const perMillion = 1e6 / Math.max(opts.count, 1);

  const build = time(3, 1, () => (index = SchoolIndex.build(input)));
  out.push({ name: 'engine.build.1_5M', ms: build.med, note: `${opts.count} schools; ${fmt(build)}` });
  out.push({
    name: 'memory.per_million_schools',
    ms: Math.round(indexBytes * perMillion),
    note: `bytes, not ms: index structures beyond the input arrays${gc ? '' : ' (no gc: rough)'}; input arrays add ${Math.round(inputBytes * perMillion)} bytes`,
  });

  const centres = Array.from({ length: 200 }, () => [75 + r() * 12, 15 + r() * 12] as const);
  let found = 0;
  const circle = time(200, 50, (k) => {
    const c = centres[k % centres.length] as readonly [number, number];
    found += withinCircle(index, c[0], c[1], 50).length;
  });
  out.push({ name: 'impact.circle.50km', ms: circle.med, note: `withinCircle, ~${Math.round(found / 250)} schools each; ${fmt(circle)}` });

  const state = syntheticState(80, 22, 3.5, 200, opts.seed);
  let inState = 0;
  const poly = time(30, 5, () => (inState = withinPolygon(index, state).length));
  out.push({ name: 'impact.polygon.state', ms: poly.med, note: `withinPolygon, 200 vertices, ${inState} schools; ${fmt(poly)}` });

  let covered = 0;
  const areas = time(5, 1, () => (covered = countByPolygons(index, districts).schools.reduce((a, b) => a + b, 0)));
  out.push({ name: 'impact.areas.700', ms: areas.med, note: `countByPolygons from raw polygons (prepare + count), ${districts.length} districts x ~200 vertices, ${covered} schools; ${fmt(areas)}` });
  const set = preparePolygonSet(index, districts);
  const areasSet = time(10, 2, () => countByPolygons(index, set));
  out.push({ name: 'impact.areas.700.prepared', ms: areasSet.med, note: `countByPolygons with a PolygonSet prepared once per index; ${fmt(areasSet)}` });

  const grid = syntheticShakeGrid(INDIA_BOX, 0.025, [80, 22]);
  const shake = time(7, 2, () => computeImpact(index, { kind: 'grid', grid }, { fragility: DEFAULT_FRAGILITY }));
  out.push({ name: 'impact.shakemap', ms: shake.med, note: `computeImpact: ${grid.spec.nlon}x${grid.spec.nlat} grid (MMI + PGA), bilinear MMI and PGA, Hazus fragility, ${districts.length}-district roll-up; ${fmt(shake)}` });
  const exposure = time(7, 2, () => computeImpact(index, { kind: 'grid', grid }));
  out.push({ name: 'impact.shakemap.exposure', ms: exposure.med, note: `same grid, no fragility; ${fmt(exposure)}` });

  const track = readCycloneTrack(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'));
  let exposed = 0;
  const tc = time(3, 1, () => (exposed = computeImpact(index, { kind: 'cyclone', track }).totals.exposedSchools));
  out.push({ name: 'impact.cyclone', ms: tc.med, note: `computeImpact: Fani 2019 (${track.points.length} fixes, hourly steps, 15 m/s cut-off), ${exposed} schools exposed; ${fmt(tc)}` });
  return out;
}
