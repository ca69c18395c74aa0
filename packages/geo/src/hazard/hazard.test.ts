import { describe, expect, it } from 'vitest';
import { readCycloneTrack } from '../cyclone/read-cyclone-track.js';
import { SchoolIndex } from '../spatial/school-index.js';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedText } from '../testing/shared-data.js';
import { syntheticSchools } from '../testing/synthetic-schools.js';
import { cyclonePeakWind } from './cyclone-peak-wind.js';
import { cycloneWindGrid } from './cyclone-wind.js';
import { mmiToPgaG, pgaGToMmi } from './gmice.js';
import { hollandSpeed, radiusForSpeed, rmaxWilloughby2006Km } from './holland-wind.js';
import { interpolateTrack } from './interpolate-track.js';
import { aww2014Mmi, scenarioMmi } from './scenario-mmi.js';

describe('scenario MMI (AWW2014)', () => {
  it('reproduces the equation by hand and decreases with distance', () => {
    // M 6, D = 20 km: h = 10^(-1.72+2.58) = 7.244, R = 21.272, B = 0.
    const r = Math.sqrt(400 + 10 ** 0.86 * 10 ** 0.86);
    const expected = 0.309 + 1.864 * 6 - 1.672 * Math.log10(r) - 0.00219 * r - 0.383 * 6 * Math.log10(r);
    expect(aww2014Mmi(6, 20)).toBeCloseTo(expected, 10);
    expect(aww2014Mmi(7.8, 10)).toBeGreaterThan(aww2014Mmi(7.8, 100));
    const v = scenarioMmi(Float64Array.from([85, 86, 90]), Float64Array.from([28, 28, 28]), { lon: 85, lat: 28 }, 10, 7.8);
    expect(v[0]).toBeCloseTo(aww2014Mmi(7.8, 10), 5);
    expect(v[0]).toBeGreaterThan(v[1] as number);
    expect(v[1]).toBeGreaterThan(v[2] as number);
  });

  it('refuses impossible scenarios', () => {
    expect(geoError(() => scenarioMmi(new Float64Array(1), new Float64Array(1), { lon: 0, lat: 0 }, -1, 6)).code).toBe('HAZARD_INVALID');
    expect(geoError(() => scenarioMmi(new Float64Array(1), new Float64Array(1), { lon: 0, lat: 0 }, 10, 11)).code).toBe('HAZARD_INVALID');
  });

  it('inverts the WGRW12 GMICE consistently', () => {
    for (const mmi of [3, 5, 7, 9]) expect(pgaGToMmi(mmiToPgaG(mmi))).toBeCloseTo(mmi, 8);
  });
});

describe('Holland wind profile', () => {
  it('peaks at Rm with Vm, and Willoughby Rm shrinks with intensity', () => {
    expect(hollandSpeed(30, 50, 30, 1.5)).toBeCloseTo(50, 10);
    expect(hollandSpeed(60, 50, 30, 1.5)).toBeLessThan(50);
    expect(hollandSpeed(15, 50, 30, 1.5)).toBeLessThan(50);
    expect(rmaxWilloughby2006Km(60, 15)).toBeLessThan(rmaxWilloughby2006Km(30, 15));
    expect(rmaxWilloughby2006Km(0, 0)).toBeCloseTo(46.4, 10);
    const r17 = radiusForSpeed(17, 50, 30, 1.5);
    expect(hollandSpeed(r17, 50, 30, 1.5)).toBeCloseTo(17, 6);
  });

  it('interpolates Fani hourly with the fixes as nodes', () => {
    const track = readCycloneTrack(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'));
    const steps = interpolateTrack(track.points, 1);
    const hours = ((track.points[track.points.length - 1]?.time ?? 0) - (track.points[0]?.time ?? 0)) / 3600_000;
    expect(steps).toHaveLength(hours + 1);
    expect(steps[3]?.lon).toBeCloseTo(89.4, 10);
    expect(steps[1]?.lon).toBeCloseTo(89.7 + (89.4 - 89.7) / 3, 10);
  });
});

describe('cyclone peak wind', () => {
  it('Fani: strongest near Puri landfall, calm far inland', () => {
    const track = readCycloneTrack(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'));
    const n = 3;
    // Puri (landfall 3 May 2019), Bhubaneswar, and Delhi.
    const index = SchoolIndex.build({ ...syntheticSchools(n, [0, 0, 1, 1]), lon: Float64Array.from([85.83, 85.82, 77.2]), lat: Float64Array.from([19.81, 20.3, 28.6]) });
    const peak = cyclonePeakWind(index, track);
    expect(peak[0]).toBeGreaterThan(40);
    expect(peak[0]).toBeLessThanOrEqual(115 * 0.514444 + 1);
    expect(peak[1]).toBeGreaterThan(25);
    expect(peak[2]).toBe(0);
  });

  it('a wind grid along the track is sampled consistently', () => {
    const track = readCycloneTrack('DATETIME,CS_ID,LAT,LON,MSWS\n2020-01-01 00:00:00,1,15,85,100\n2020-01-01 12:00:00,1,16,85,100\n');
    const grid = cycloneWindGrid(track, 0.1);
    const max = grid.fields.WIND.reduce((m, v) => Math.max(m, v), 0);
    expect(max).toBeGreaterThan(100 * 0.514444 * 0.95);
    expect(max).toBeLessThan(100 * 0.514444 * 1.05);
  });
});
