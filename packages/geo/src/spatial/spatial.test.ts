import { describe, expect, it } from 'vitest';
import type { MultiPolygonCoords, Ring } from '../geometry-types.js';
import { readGeoJsonFootprint } from '../geojson/read-geojson-footprint.js';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedText } from '../testing/shared-data.js';
import { rng, syntheticSchools } from '../testing/synthetic-schools.js';
import { haversineKm } from './haversine.js';
import { countByPolygons, preparePolygonSet, withinPolygon } from './polygon-queries.js';
import { pointInPolygon, preparePolygon } from './prepared-polygon.js';
import { sampleGrid } from './sample-grid.js';
import { SchoolIndex, type SchoolIndexInput } from './school-index.js';
import { withinCircle } from './within-circle.js';

function indexOf(points: [number, number][]): SchoolIndex {
  const n = points.length;
  return SchoolIndex.build({
    lon: Float64Array.from(points.map((p) => p[0])),
    lat: Float64Array.from(points.map((p) => p[1])),
    girls: new Uint32Array(n).fill(1),
    boys: new Uint32Array(n).fill(2),
    total: new Uint32Array(n).fill(3),
    typology: new Uint16Array(n),
    typologies: ['x'],
    areaIdx: new Int32Array(n),
  });
}

const sorted = (a: Uint32Array): number[] => Array.from(a).sort((x, y) => x - y);

function star(cx: number, cy: number, vertices: number, rOuter: number, rInner: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const r = i % 2 === 0 ? rOuter : rInner;
    const t = (2 * Math.PI * i) / vertices;
    ring.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  ring.push([...(ring[0] as [number, number])]);
  return ring;
}

describe('withinCircle', () => {
  it('matches hand-computed great-circle distances on the equator', () => {
    // One degree of longitude on the equator is 2*pi*6371.0088/360 = 111.195 km.
    const index = indexOf([[0.9, 0], [1.0, 0], [1.1, 0], [0, 1.0], [-1.0, 0], [0, -1.01]]);
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.195, 3);
    expect(sorted(withinCircle(index, 0, 0, 111.2))).toEqual([0, 1, 3, 4]);
    expect(sorted(withinCircle(index, 0, 0, 111.19))).toEqual([0]);
    expect(sorted(withinCircle(index, 0, 0, 0))).toEqual([]);
  });

  it('agrees with brute force haversine at high latitude and across the antimeridian', () => {
    const input = syntheticSchools(20000, [170, 55, 180, 65], 3);
    const west = syntheticSchools(20000, [-180, 55, -170, 65], 4);
    const merged: SchoolIndexInput = { ...input, lon: Float64Array.from([...input.lon, ...west.lon]), lat: Float64Array.from([...input.lat, ...west.lat]), girls: Uint32Array.from([...input.girls, ...west.girls]), boys: Uint32Array.from([...input.boys, ...west.boys]), total: Uint32Array.from([...input.total, ...west.total]), typology: Uint16Array.from([...input.typology, ...west.typology]), areaIdx: Int32Array.from([...input.areaIdx, ...west.areaIdx]) };
    const index = SchoolIndex.build(merged);
    for (const [lon, lat, r] of [[179.5, 60, 150], [175, 62, 80], [-179.9, 58, 300]] as const) {
      const expected: number[] = [];
      for (let i = 0; i < index.size; i++) if (haversineKm(lon, lat, merged.lon[i] as number, merged.lat[i] as number) <= r) expected.push(i);
      expect(sorted(withinCircle(index, lon, lat, r))).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    }
  });

  it('refuses a bad circle', () => {
    expect(geoError(() => withinCircle(indexOf([[0, 0]]), 0, 0, -1)).code).toBe('CIRCLE_INVALID');
    expect(geoError(() => withinCircle(indexOf([[0, 0]]), Number.NaN, 0, 1)).code).toBe('CIRCLE_INVALID');
  });
});

describe('withinPolygon and countByPolygons', () => {
  const outer: Ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
  const hole: Ring = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];

  it('excludes a point in a hole and includes one between hole and shell', () => {
    const index = indexOf([[5, 5], [2, 2], [11, 5], [4.5, 5.5], [7, 7]]);
    expect(sorted(withinPolygon(index, [[outer, hole]]))).toEqual([1, 4]);
  });

  it('handles multipolygons', () => {
    const index = indexOf([[1, 1], [21, 1], [15, 1]]);
    const second: Ring = outer.map(([x, y]) => [x + 20, y]);
    expect(sorted(withinPolygon(index, [[outer], [second]]))).toEqual([0, 1]);
  });

  it('agrees with a brute-force ray test on a 200-vertex star with a hole', () => {
    const input = syntheticSchools(50000, [70, 10, 90, 30], 7);
    const index = SchoolIndex.build(input);
    const poly: MultiPolygonCoords = [[star(80, 20, 200, 8, 5), star(80, 20, 40, 2, 1).reverse()]];
    const prepared = preparePolygon(poly);
    const expected: number[] = [];
    for (let i = 0; i < index.size; i++) if (pointInPolygon(prepared, input.lon[i] as number, input.lat[i] as number)) expected.push(i);
    expect(expected.length).toBeGreaterThan(5000);
    expect(sorted(withinPolygon(index, poly))).toEqual(expected);
    const counts = countByPolygons(index, [poly, [[outer]]]);
    expect(counts.schools[0]).toBe(expected.length);
    expect(counts.girls[0]).toBe(expected.reduce((s, i) => s + (input.girls[i] as number), 0));
    expect(counts.total[0]).toBe(expected.reduce((s, i) => s + (input.total[i] as number), 0));
    expect(counts.schools[1]).toBe(0);
  });

  it('counts the 991 real Sikkim schools by the 4 district polygons', () => {
    const points: [number, number][] = [];
    for (const n of [1, 2, 3, 4]) {
      const doc = JSON.parse(sharedText(`schools/udise-sikkim/ud_dt_n_110${n}_page_01.geojson`)) as { features: { geometry: { coordinates: [number, number] } }[] };
      for (const f of doc.features) points.push(f.geometry.coordinates);
    }
    expect(points).toHaveLength(991);
    const index = indexOf(points);
    const districts = readGeoJsonFootprint(sharedText('boundaries/udit001_sikkim_districts.geojson')).footprints.map((f) => f.polygon);
    const counts = countByPolygons(index, districts);
    expect(Array.from(countByPolygons(index, preparePolygonSet(index, districts)).schools)).toEqual(Array.from(counts.schools));
    districts.forEach((d, j) => {
      const p = preparePolygon(d);
      expect(counts.schools[j]).toBe(points.filter(([x, y]) => pointInPolygon(p, x, y)).length);
    });
    const inAny = Array.from(counts.schools).reduce((a, b) => a + b, 0);
    expect(inAny).toBeGreaterThan(900);
    expect(inAny).toBeLessThanOrEqual(991);
  });

  it('refuses a degenerate polygon', () => {
    expect(geoError(() => withinPolygon(indexOf([[0, 0]]), [[[[0, 0], [1, 1], [0, 0]]]])).code).toBe('POLYGON_INVALID');
  });
});

describe('sampleGrid', () => {
  const grid = {
    spec: { lonMin: 10, latMin: 20, lonMax: 12, latMax: 21, nominalLonSpacing: 1, nominalLatSpacing: 1, nlon: 3, nlat: 2 },
    // Row 0 is lat 21 (north), row 1 is lat 20.
    fields: { MMI: Float32Array.from([1, 2, 3, 4, 5, 6]) },
  };

  it('returns node values at nodes, the mean of four at a cell centre, NaN outside', () => {
    const index = indexOf([[10, 21], [12, 20], [11, 21], [10.5, 20.5], [11.5, 20.5], [9.99, 20.5], [11, 20.25]]);
    const v = Array.from(sampleGrid(index, grid, 'mmi'));
    expect(v.slice(0, 3)).toEqual([1, 6, 2]);
    expect(v[3]).toBeCloseTo((1 + 2 + 4 + 5) / 4, 6);
    expect(v[4]).toBeCloseTo((2 + 3 + 5 + 6) / 4, 6);
    expect(Number.isNaN(v[5])).toBe(true);
    expect(v[6]).toBeCloseTo(2 * 0.25 + 5 * 0.75, 6);
  });

  it('refuses an unknown field', () => {
    expect(geoError(() => sampleGrid(indexOf([[0, 0]]), grid, 'PGA')).message).toMatch(/no field "PGA"/);
  });
});

describe('SchoolIndex.build', () => {
  it('refuses arrays of different lengths and keeps invalid coordinates out of results', () => {
    const input = syntheticSchools(10, [0, 0, 1, 1]);
    expect(geoError(() => SchoolIndex.build({ ...input, girls: new Uint32Array(3) })).code).toBe('INDEX_INVALID');
    input.lon[0] = Number.NaN;
    const index = SchoolIndex.build(input);
    expect(index.warnings.map((w) => w.code)).toEqual(['SCHOOL_COORDINATES_INVALID']);
    expect(sorted(withinCircle(index, 0.5, 0.5, 500))).not.toContain(0);
    expect(withinPolygon(index, [[[[-1, -1], [2, -1], [2, 2], [-1, 2], [-1, -1]]]]).length).toBe(9);
  });

  it('builds for random seeds and finds every point with a covering polygon', () => {
    const r = rng(9);
    for (let t = 0; t < 3; t++) {
      const input = syntheticSchools(1000 + Math.floor(r() * 1000), [r() * 10, r() * 10, 20, 20], t + 20);
      const index = SchoolIndex.build(input);
      expect(withinPolygon(index, [[[[-1, -1], [21, -1], [21, 21], [-1, 21], [-1, -1]]]]).length).toBe(index.size);
    }
  });
});
