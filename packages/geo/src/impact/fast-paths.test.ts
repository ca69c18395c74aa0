import { describe, expect, it } from 'vitest';
import { readCycloneTrack } from '../cyclone/read-cyclone-track.js';
import { DEFAULT_FRAGILITY } from '../fragility/default-fragility.js';
import { logStep, logStepBits, tabulate } from '../fragility/fragility-table.js';
import { exceedance } from '../fragility/fragility-types.js';
import { mapTypologies } from '../fragility/map-typologies.js';
import type { MultiPolygonCoords, Ring } from '../geometry-types.js';
import { cyclonePeakWind } from '../hazard/cyclone-peak-wind.js';
import { mmiToPgaG } from '../hazard/gmice.js';
import { cyclonePeakWindReference } from '../hazard/cyclone-wind.js';
import { countByPolygons, preparePolygonSet, withinPolygon } from '../spatial/polygon-queries.js';
import { sampleGridAtSchools, sampleGridValues } from '../spatial/sample-grid.js';
import { SchoolIndex, type SchoolIndexInput } from '../spatial/school-index.js';
import { sharedText } from '../testing/shared-data.js';
import { syntheticDistricts, syntheticShakeGrid, syntheticState } from '../testing/synthetic-areas.js';
import { rng, syntheticSchools } from '../testing/synthetic-schools.js';
import { computeImpact } from './compute-impact.js';

// The optimised paths (cell rasters with sub-cells, branch-free tests, cell-order sampling, bit-indexed
// fragility tables, branch-and-bound cyclone winds) checked against plain brute force on random data.

/** Plain even-odd ray test over the raw rings, independent of the prepared polygon. */
function naiveInside(poly: MultiPolygonCoords, x: number, y: number): boolean {
  let inside = false;
  for (const part of poly) {
    for (const ring of part) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as [number, number];
        const [bx, by] = ring[i + 1] as [number, number];
        if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      }
    }
  }
  return inside;
}

function star(cx: number, cy: number, vertices: number, rOuter: number, rInner: number, r: () => number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const rad = (i % 2 === 0 ? rOuter : rInner) * (0.8 + 0.4 * r());
    const t = (2 * Math.PI * i) / vertices;
    ring.push([cx + rad * Math.cos(t), cy + rad * Math.sin(t)]);
  }
  ring.push([...(ring[0] as [number, number])]);
  return ring;
}

/** Schools on a lattice of multiples of `step` (many exactly on cell and sub-cell edges) plus random ones. */
function mixedSchools(n: number, box: [number, number, number, number], seed: number): SchoolIndexInput {
  const input = syntheticSchools(n, box, seed);
  const r = rng(seed + 100);
  for (let i = 0; i < n; i += 3) {
    input.lon[i] = Math.round(((input.lon[i] as number) / 0.05)) * 0.05;
    input.lat[i] = Math.round(((input.lat[i] as number) / 0.05)) * 0.05;
  }
  for (let i = 1; i < n; i += 97) input.areaIdx[i] = -1;
  for (let i = 2; i < n; i += 50) input.lon[i] = r() < 0.5 ? Number.NaN : 500;
  return input;
}

const sorted = (a: Uint32Array): number[] => Array.from(a).sort((x, y) => x - y);

describe('polygon fast paths agree with a naive ray test', () => {
  it('random stars with holes, parts and parts beyond the data: withinPolygon, countByPolygons, prepared sets', () => {
    const r = rng(31);
    const input = mixedSchools(40_000, [70, 10, 80, 20], 5);
    const index = SchoolIndex.build(input);
    const polys: MultiPolygonCoords[] = [];
    for (let t = 0; t < 12; t++) {
      const cx = 69 + r() * 12;
      const cy = 9 + r() * 12;
      const size = 0.2 + r() * 4;
      const poly: MultiPolygonCoords = [[star(cx, cy, 6 + 2 * Math.floor(r() * 100), size, size * (0.3 + 0.5 * r()), r), star(cx, cy, 8, size * 0.15, size * 0.1, r).reverse()]];
      if (t % 3 === 0) poly.push([star(cx + size * 2.5, cy, 20, size * 0.5, size * 0.3, r)]);
      polys.push(poly);
    }
    polys.push([[[[72, 12], [74, 12], [74, 14], [72, 14], [72, 12]]]]); // edges on cell lines and lattice points
    const cold = countByPolygons(index, polys);
    const warm = countByPolygons(index, preparePolygonSet(index, polys));
    polys.forEach((poly, j) => {
      const expected: number[] = [];
      for (let i = 0; i < index.size; i++) if (index.valid[i] && naiveInside(poly, input.lon[i] as number, input.lat[i] as number)) expected.push(i);
      expect(sorted(withinPolygon(index, poly))).toEqual(expected);
      const girls = expected.reduce((s, i) => s + (input.girls[i] as number), 0);
      const total = expected.reduce((s, i) => s + (input.total[i] as number), 0);
      for (const c of [cold, warm]) {
        expect(c.schools[j]).toBe(expected.length);
        expect(c.girls[j]).toBe(girls);
        expect(c.total[j]).toBe(total);
      }
    });
  });

  it('a district partition: every valid school counted once, as the naive test says', () => {
    const box: [number, number, number, number] = [70, 10, 80, 20];
    const input = mixedSchools(30_000, box, 8);
    const index = SchoolIndex.build(input);
    const districts = syntheticDistricts(box, 6, 5, 30, 3);
    const counts = countByPolygons(index, preparePolygonSet(index, districts));
    const expected = districts.map((d) => {
      const xs = d.flat(2).map((p) => p[0]);
      const ys = d.flat(2).map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      let n = 0;
      for (let i = 0; i < index.size; i++) {
        const x = input.lon[i] as number;
        const y = input.lat[i] as number;
        if (index.valid[i] && x >= x0 && x <= x1 && y >= y0 && y <= y1 && naiveInside(d, x, y)) n++;
      }
      return n;
    });
    expect(Array.from(counts.schools)).toEqual(expected);
    expect(Array.from(countByPolygons(index, districts).schools)).toEqual(expected);
    const valid = index.valid.reduce((s, v) => s + v, 0);
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(valid * 0.99);
    const state = syntheticState(75, 15, 2, 200, 4);
    const inState = withinPolygon(index, state).length;
    let naive = 0;
    for (let i = 0; i < index.size; i++) if (index.valid[i] && naiveInside(state, input.lon[i] as number, input.lat[i] as number)) naive++;
    expect(inState).toBe(naive);
  });
});

describe('grid sampling in cell order', () => {
  it('is bit-identical to sampling in school order, including outside points and the last row and column', () => {
    const grid = syntheticShakeGrid([71, 11, 79, 19], 0.1, [75, 15]);
    const input = mixedSchools(20_000, [70, 10, 80, 20], 12);
    input.lon[3] = 79;
    input.lat[3] = 11;
    input.lon[6] = 71;
    input.lat[6] = 19;
    const index = SchoolIndex.build(input);
    const [mmi, pga] = sampleGridAtSchools(index, grid.spec, grid.fields['MMI'] as Float32Array, 1, grid.fields['PGA'] as Float32Array, 100);
    const refMmi = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields['MMI'] as Float32Array);
    const refPga = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields['PGA'] as Float32Array).map((v) => v / 100);
    expect(Array.from(mmi)).toEqual(Array.from(refMmi));
    expect(Array.from(pga ?? [])).toEqual(Array.from(refPga));
    expect(Number.isFinite(mmi[3]) && Number.isFinite(mmi[6])).toBe(true);
    expect(mmi.some((v) => Number.isNaN(v))).toBe(true);
  });
});

describe('fragility tables indexed by float bits', () => {
  it('read the same bucket from double and float32 bits, and stay within 1e-3 of the exact curve', () => {
    const r = rng(5);
    const f32 = new Float32Array(1);
    const bits = new Uint32Array(f32.buffer);
    for (let k = 0; k < 20_000; k++) {
      f32[0] = Math.exp(-8 + 12 * r());
      expect(logStepBits(bits[0] as number)).toBe(logStep(f32[0]));
    }
    for (const v of [0, -1, Number.NaN]) {
      f32[0] = v;
      expect(logStepBits(bits[0] as number)).toBe(-1);
    }
    for (const fn of DEFAULT_FRAGILITY.functions) {
      const t = tabulate(fn, 4);
      for (let k = 0; k < 2000; k++) {
        const im = Math.exp(Math.log(0.002) + r() * Math.log(15000));
        const row = logStep(im) * 4;
        for (let ls = 0; ls < 4; ls++) expect(Math.abs((t.values[row + ls] as number) - exceedance(fn, ls, im))).toBeLessThan(1e-3);
      }
    }
  });
});

describe('computeImpact against a per-school reference', () => {
  it('bands, roll-ups and damage on a ShakeMap-like grid', () => {
    const input = mixedSchools(20_000, [70, 10, 80, 20], 21);
    input.typologies = ['RCC', 'kutcha', 'pucca', 'igloo'];
    const r = rng(3);
    for (let i = 0; i < input.typology.length; i++) input.typology[i] = Math.floor(r() * 4);
    input.areaCount = 37;
    for (let i = 0; i < input.areaIdx.length; i++) input.areaIdx[i] = r() < 0.02 ? -1 : Math.floor(r() * 37);
    const index = SchoolIndex.build(input);
    const grid = syntheticShakeGrid([71, 11, 79, 19], 0.05, [75, 15]);
    const res = computeImpact(index, { kind: 'grid', grid }, { fragility: DEFAULT_FRAGILITY });
    const mmi = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields['MMI'] as Float32Array);
    const pga = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields['PGA'] as Float32Array).map((v) => v / 100);
    const fnOf = mapTypologies(input.typologies, DEFAULT_FRAGILITY).functionIndex;
    const bands = [5, 6, 7, 8];
    const exposed = new Float64Array(37);
    const girls = new Float64Array(37);
    const expected = new Float64Array(37 * 5);
    for (let i = 0; i < index.size; i++) {
      const band = bands.filter((b) => (mmi[i] as number) >= b).length;
      expect(res.band[i]).toBe(band);
      expect(Object.is(res.intensity[i], mmi[i])).toBe(true);
      const a = input.areaIdx[i] as number;
      if (a >= 0 && band > 0) {
        exposed[a]!++;
        girls[a]! += input.girls[i] as number;
      }
      const fn = DEFAULT_FRAGILITY.functions[fnOf[input.typology[i] as number] as number];
      let prev = 1;
      for (let ls = 0; ls < 4; ls++) {
        const p = fn ? exceedance(fn, ls, pga[i] as number) : 0;
        const got = res.damage?.exceedance[i * 4 + ls] as number;
        expect(Math.abs(got - p)).toBeLessThan(1e-3);
        if (a >= 0) expected[a * 5 + ls]! += prev - got;
        prev = got;
      }
      if (a >= 0) expected[a * 5 + 4]! += prev;
    }
    expect(Array.from(res.areas.exposedSchools)).toEqual(Array.from(exposed));
    expect(Array.from(res.areas.exposedGirls)).toEqual(Array.from(girls));
    res.areas.expectedByDamageState.forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 6));
    expect(res.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['SCHOOLS_WITHOUT_AREA', 'TYPOLOGY_UNMAPPED', 'SCHOOL_COORDINATES_INVALID']));
  });
});

describe('computeImpact on a grid with MMI only', () => {
  it('converts MMI to PGA for PGA fragility and samples the display field once', () => {
    const full = syntheticShakeGrid([71, 11, 79, 19], 0.05, [75, 15]);
    const grid = { spec: full.spec, fields: { MMI: full.fields['MMI'] as Float32Array } };
    const input = mixedSchools(5_000, [70, 10, 80, 20], 9);
    const index = SchoolIndex.build(input);
    const res = computeImpact(index, { kind: 'grid', grid }, { fragility: DEFAULT_FRAGILITY });
    const mmi = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields.MMI);
    const fnOf = mapTypologies(input.typologies, DEFAULT_FRAGILITY).functionIndex;
    let assessed = 0;
    for (let i = 0; i < index.size; i++) {
      const fn = DEFAULT_FRAGILITY.functions[fnOf[input.typology[i] as number] as number];
      const pga = Math.fround(mmiToPgaG(mmi[i] as number));
      const got = res.damage?.exceedance[i * 4] as number;
      if (Number.isFinite(mmi[i])) {
        assessed++;
        expect(Math.abs(got - (fn ? exceedance(fn, 0, pga) : 0))).toBeLessThan(1e-3);
      } else expect(got).toBe(0);
    }
    expect(assessed).toBeGreaterThan(3000);
  });
});

describe('computeImpact on a grid whose fragility reads MMI', () => {
  it('takes the one-field fast path with the linear MMI table, and twice gives the same answer', () => {
    const grid = syntheticShakeGrid([71, 11, 79, 19], 0.05, [75, 15]);
    const input = mixedSchools(5_000, [70, 10, 80, 20], 13);
    const index = SchoolIndex.build(input);
    const fn = { id: 'mmi', imt: 'MMI', kind: 'lognormal' as const, theta: [6, 7, 8, 9], beta: [0.1, 0.1, 0.1, 0.1] };
    const set = { id: 'mmi-set', limitStates: ['a', 'b', 'c', 'd'], functions: [fn] };
    const res = computeImpact(index, { kind: 'grid', grid }, { fragility: set });
    const mmi = sampleGridValues(input.lon, input.lat, grid.spec, grid.fields['MMI'] as Float32Array);
    for (let i = 0; i < index.size; i++) {
      for (let ls = 0; ls < 4; ls++) {
        // Nearest entry of a 0.01-step table: within 0.005 MMI, so Φ moves by at most φ(0) · 0.005 / (5 β).
        const want = Number.isFinite(mmi[i]) ? exceedance(fn, ls, mmi[i] as number) : 0;
        expect(Math.abs((res.damage?.exceedance[i * 4 + ls] as number) - want)).toBeLessThan(5e-3);
      }
    }
    // The kernel reuses a scratch buffer per index: a second call must not see the first one's values.
    const again = computeImpact(index, { kind: 'grid', grid }, { fragility: set });
    expect(Array.from(again.damage?.exceedance ?? [])).toEqual(Array.from(res.damage?.exceedance ?? []));
    expect(Array.from(again.areas.expectedByDamageState)).toEqual(Array.from(res.areas.expectedByDamageState));
  });
});

describe('cyclone peak wind by branch and bound', () => {
  const schools = (box: [number, number, number, number], seed: number): SchoolIndex => SchoolIndex.build(mixedSchools(30_000, box, seed));
  it('equals brute-force evaluation of every step at every school (Fani)', () => {
    const track = readCycloneTrack(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'));
    const index = schools([80, 12, 92, 26], 2);
    const fast = cyclonePeakWind(index, track);
    expect(Array.from(fast)).toEqual(Array.from(cyclonePeakWindReference(index, track)));
    expect(fast.filter((v) => v > 0).length).toBeGreaterThan(3000);
  });

  it('equals brute force for a fast, recurving southern-hemisphere storm with pressure, and another cut-off', () => {
    const h = 3600_000;
    const points = [
      { time: 0, lon: 60, lat: -12, windMs: 35, pressureHpa: 985 },
      { time: 6 * h, lon: 59, lat: -14, windMs: 55, pressureHpa: 950 },
      { time: 12 * h, lon: 59.5, lat: -17, windMs: 62, pressureHpa: 935 },
      { time: 18 * h, lon: 62, lat: -19, windMs: 45, pressureHpa: 965 },
    ];
    const track = { id: 's', points, warnings: [] };
    const index = schools([55, -22, 66, -9], 4);
    for (const options of [{}, { minWindMs: 25, stepHours: 0.5 }]) {
      const fast = cyclonePeakWind(index, track, options);
      expect(Array.from(fast)).toEqual(Array.from(cyclonePeakWindReference(index, track, options)));
      expect(fast.filter((v) => v > 0).length).toBeGreaterThan(1000);
    }
  });
});
