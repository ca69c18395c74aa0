import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAGILITY } from '../fragility/default-fragility.js';
import { lognormalCdf } from '../fragility/lognormal.js';
import { readShakeMapGrid } from '../shakemap/read-shakemap-grid.js';
import { SchoolIndex } from '../spatial/school-index.js';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedBytes } from '../testing/shared-data.js';
import { syntheticSchools } from '../testing/synthetic-schools.js';
import { computeImpact } from './compute-impact.js';

describe('computeImpact', () => {
  it('NYC ShakeMap: bands, PGA fragility from %g, roll-ups that add up', () => {
    const grid = readShakeMapGrid(sharedBytes('shakemap/m5.8.nyc.scenario.grid.xml'));
    const input = syntheticSchools(5000, [-75, 40, -73, 41.5], 11, ['RCC', 'kutcha', 'mystery']);
    const index = SchoolIndex.build(input);
    const r = computeImpact(index, { kind: 'grid', grid }, { fragility: DEFAULT_FRAGILITY });
    expect(r.imt).toBe('MMI');
    expect(r.totals.schools).toBe(5000);
    expect(r.totals.exposedSchools).toBeGreaterThan(0);
    expect(Array.from(r.areas.exposedSchools).reduce((a, b) => a + b, 0)).toBe(r.totals.exposedSchools);
    expect(r.totals.expectedByDamageState.reduce((a, b) => a + b, 0)).toBeCloseTo(5000, 3);
    expect(r.warnings.map((w) => w.code)).toContain('TYPOLOGY_UNMAPPED');
    // School 1 is kutcha (URML-pre): its P(slight) equals the Hazus curve at the sampled PGA (g).
    const i = 1;
    const pgaG = (readPga(grid, input.lon[i] as number, input.lat[i] as number)) / 100;
    expect(r.damage?.exceedance[i * 4]).toBeCloseTo(lognormalCdf(pgaG, 0.13, 0.64), 2);
    expect(r.band[i]).toBe([5, 6, 7, 8].filter((t) => (r.intensity[i] as number) >= t).length);
  });

  it('polygon footprint with intensity: exposure counts children by sex', () => {
    const input = syntheticSchools(2000, [0, 0, 10, 10], 5);
    const index = SchoolIndex.build(input);
    const square = [[[[0, 0], [5, 0], [5, 10], [0, 10], [0, 0]]]] as [number, number][][][];
    const r = computeImpact(index, { kind: 'polygons', footprints: [{ polygon: square, intensity: 2 }] });
    let girls = 0;
    let count = 0;
    for (let k = 0; k < 2000; k++) if ((input.lon[k] as number) < 5) { girls += input.girls[k] as number; count++; }
    expect(r.totals.exposedSchools).toBe(count);
    expect(r.totals.exposedGirls).toBe(girls);
    expect(r.damage).toBeNull();
  });

  it('circles with a zero radius are widened by minRadiusKm, with a warning', () => {
    const index = SchoolIndex.build({ ...syntheticSchools(2, [0, 0, 1, 1]), lon: Float64Array.from([10, 10.05]), lat: Float64Array.from([10, 10]) });
    const r = computeImpact(index, { kind: 'circles', circles: [{ lon: 10, lat: 10, radiusKm: 0 }], minRadiusKm: 2 });
    expect(Array.from(r.band)).toEqual([1, 0]);
    expect(r.warnings.map((w) => w.code)).toContain('CIRCLE_RADIUS_RAISED');
  });

  it('scenario: MMI converted to PGA for the default fragility; cyclone: fragility not available', () => {
    const index = SchoolIndex.build(syntheticSchools(1000, [84, 27, 86, 29], 2));
    const eq = computeImpact(index, { kind: 'scenario', epicentre: { lon: 85, lat: 28 }, depthKm: 10, magnitude: 7.8 }, { fragility: DEFAULT_FRAGILITY });
    expect(eq.totals.expectedByDamageState[4]).toBeGreaterThan(0);
    const track = { id: 'x', points: [{ time: 0, lon: 84, lat: 27, windMs: 50 }, { time: 6 * 3600_000, lon: 86, lat: 29, windMs: 50 }], warnings: [] };
    const tc = computeImpact(index, { kind: 'cyclone', track }, { fragility: DEFAULT_FRAGILITY });
    expect(tc.imt).toBe('WIND');
    expect(tc.warnings.map((w) => w.code)).toContain('FRAGILITY_IMT_UNAVAILABLE');
    expect(tc.totals.exposedSchools).toBeGreaterThan(0);
  });

  it('refuses a grid without MMI or PGA', () => {
    const index = SchoolIndex.build(syntheticSchools(10, [0, 0, 1, 1]));
    const grid = { spec: { lonMin: 0, latMin: 0, lonMax: 1, latMax: 1, nominalLonSpacing: 1, nominalLatSpacing: 1, nlon: 2, nlat: 2 }, fields: { SVEL: new Float32Array(4) } };
    expect(geoError(() => computeImpact(index, { kind: 'grid', grid })).code).toBe('HAZARD_INVALID');
  });
});

function readPga(grid: ReturnType<typeof readShakeMapGrid>, lon: number, lat: number): number {
  const { spec } = grid;
  const fx = ((lon - spec.lonMin) * (spec.nlon - 1)) / (spec.lonMax - spec.lonMin);
  const fy = ((spec.latMax - lat) * (spec.nlat - 1)) / (spec.latMax - spec.latMin);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const v = (x: number, y: number): number => grid.fields['PGA']?.[y * spec.nlon + x] ?? Number.NaN;
  const tx = fx - x0;
  const ty = fy - y0;
  return (v(x0, y0) * (1 - tx) + v(x0 + 1, y0) * tx) * (1 - ty) + (v(x0, y0 + 1) * (1 - tx) + v(x0 + 1, y0 + 1) * tx) * ty;
}
