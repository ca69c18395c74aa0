import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBoundaryFile } from '../boundaries/read-boundary-file.js';
import { sharedData } from '../boundaries/import-test-context.js';
import { districtsFromBoundaryFile } from './boundary-districts.js';
import {
  apportion,
  generateSchoolCsv,
  insideMultiPolygon,
  SCHOOL_CSV_COLUMNS,
  type GeneratorDistrict,
} from './generate-schools.js';

// A square with a square hole, and an L-shaped two-part district next to it, in another state.
const ring = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const districts: GeneratorDistrict[] = [
  {
    stateCode: '9',
    stateName: 'Alpha',
    districtCode: '101',
    districtName: 'Holey',
    coordinates: [[ring(77, 20, 78, 21), ring(77.2, 20.2, 77.8, 20.8)]],
  },
  {
    stateCode: '27',
    stateName: 'Beta',
    districtCode: '202',
    districtName: 'Split',
    lgd: '555',
    coordinates: [[ring(79, 20, 79.5, 21)], [ring(79.5, 20, 80, 20.3)]],
  },
];

const parse = (line: string) => Object.fromEntries(line.split(',').map((v, i) => [SCHOOL_CSV_COLUMNS[i]!, v]));

describe('generateSchoolCsv', () => {
  it('yields a header and exactly count rows with unique 11-digit codes inside their district', () => {
    const lines = [...generateSchoolCsv(districts, { count: 5000, seed: 3 })];
    expect(lines[0]).toBe(SCHOOL_CSV_COLUMNS.join(','));
    const rows = lines.slice(1).map(parse);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => r.schcd)).size).toBe(5000);
    for (const r of rows) {
      expect(r.schcd).toMatch(/^\d{11}$/);
      const d = districts.find((x) => x.districtCode === r.dtcode11)!;
      expect(insideMultiPolygon(d.coordinates, Number(r.longitude), Number(r.latitude))).toBe(true);
      expect(Number(r.enrolment_girls) + Number(r.enrolment_boys)).toBeGreaterThan(0);
      expect(['1', '2']).toContain(r.rururb);
    }
    // Nothing falls in the hole; codes start with the state's own two digits.
    expect(
      rows.some(
        (r) =>
          r.dtcode11 === '101' &&
          Number(r.longitude) > 77.2 &&
          Number(r.longitude) < 77.8 &&
          Number(r.latitude) > 20.2 &&
          Number(r.latitude) < 20.8,
      ),
    ).toBe(false);
    expect(rows.filter((r) => r.dtcode11 === '202').every((r) => r.schcd!.startsWith('2701') && r.dist_lgd === '555')).toBe(true);
    // Shares follow area: 0.64 vs 0.65 square degrees (before the cos(latitude) factor, which is nearly equal here).
    const holey = rows.filter((r) => r.dtcode11 === '101').length;
    expect(holey / 5000).toBeGreaterThan(0.45);
    expect(holey / 5000).toBeLessThan(0.52);
    // Enrolment is skewed: median near 120, mean above it.
    const totals = rows.map((r) => Number(r.enrolment_girls) + Number(r.enrolment_boys)).sort((a, b) => a - b);
    expect(totals[2500]).toBeGreaterThan(100);
    expect(totals[2500]).toBeLessThan(140);
    expect(totals.reduce((s, v) => s + v, 0) / 5000).toBeGreaterThan(totals[2500]!);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...generateSchoolCsv(districts, { count: 300, seed: 1 })];
    const b = [...generateSchoolCsv(districts, { count: 300, seed: 1 })];
    const c = [...generateSchoolCsv(districts, { count: 300, seed: 2 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('streams: the first rows come without generating the rest', () => {
    const it = generateSchoolCsv(districts, { count: 1_000_000, seed: 1 });
    expect(it.next().value).toContain('schcd');
    expect(it.next().value).toMatch(/^\d{11},/);
  });

  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 5, 2]).reduce((s, v) => s + v, 0)).toBe(7);
  });

  it('fills the all-India districts from the boundary reader, each point inside its district', () => {
    const file = readBoundaryFile(readFileSync(sharedData('udit001_india_districts_states.topo.json')));
    const india = districtsFromBoundaryFile(file);
    expect(india.length).toBeGreaterThan(700);
    const rows = [...generateSchoolCsv(india, { count: 20_000, seed: 7 })].slice(1).map(parse);
    expect(new Set(rows.map((r) => r.schcd)).size).toBe(20_000);
    // The file repeats some district codes (Mizoram's, and 0), so a point must lie in one district of its code.
    for (const r of rows) {
      expect(r.schcd).toMatch(/^\d{11}$/);
      const same = india.filter((d) => d.districtCode === r.dtcode11 && d.stateCode === r.stcode11);
      expect(same.some((d) => insideMultiPolygon(d.coordinates, Number(r.longitude), Number(r.latitude)))).toBe(true);
    }
  });
});
