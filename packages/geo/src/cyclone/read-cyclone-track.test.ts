import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedText } from '../testing/shared-data.js';
import { readCycloneTrack } from './read-cyclone-track.js';

const csv = sharedText('cyclone/imd_best_track_AS_BOB_1982-2023.csv');

describe('readCycloneTrack', () => {
  it('selects Fani (CS_ID 201902) from the IMD best-track CSV', () => {
    const track = readCycloneTrack(csv, { stormId: '201902' });
    expect(track.id).toBe('201902');
    expect(track.points.length).toBe(64);
    expect(track.points[0]).toMatchObject({ lon: 89.7, lat: 2.7, category: 'D' });
    expect(track.points[0]?.time).toBe(Date.UTC(2019, 3, 26, 3));
    expect(track.points[0]?.windMs).toBeCloseTo(25 * 0.514444, 5);
    expect(Math.max(...track.points.map((p) => p.windMs))).toBeCloseTo(115 * 0.514444, 3);
    expect(track.points.every((p, i) => i === 0 || p.time > (track.points[i - 1]?.time ?? 0))).toBe(true);
  });

  it('reads the derived Fani GeoJSON to the same fixes as the CSV', () => {
    const gj = readCycloneTrack(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'));
    const fromCsv = readCycloneTrack(csv, { stormId: '201902' });
    expect(gj.name).toBe('FANI');
    expect(gj.id).toBe('201902');
    expect(gj.points.map((p) => [p.time, p.lon, p.lat, p.windMs])).toEqual(fromCsv.points.map((p) => [p.time, p.lon, p.lat, p.windMs]));
  });

  it('refuses an ambiguous year, an unknown id, and a name the file cannot answer', () => {
    const amb = geoError(() => readCycloneTrack(csv, { year: 2019 }));
    expect(amb.code).toBe('TRACK_AMBIGUOUS');
    expect(amb.message).toMatch(/201902/);
    expect(geoError(() => readCycloneTrack(csv, { stormId: '999999' })).code).toBe('TRACK_NOT_FOUND');
    expect(geoError(() => readCycloneTrack(csv, { name: 'Fani' })).message).toMatch(/no storm-name column/);
  });

  it('refuses a one-fix track with TRACK_TOO_SHORT', () => {
    const one = 'DATETIME,CAT,CS_ID,LAT,LON,MSWS\n2019-04-26 03:00:00,D,1,10,80,25\n';
    expect(geoError(() => readCycloneTrack(one)).code).toBe('TRACK_TOO_SHORT');
    const dup = `${one}2019-04-26 03:00:00,D,1,10.5,80,25\n`;
    expect(geoError(() => readCycloneTrack(dup)).code).toBe('TRACK_TOO_SHORT');
    const gj = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { time: '2019-01-01T00:00:00Z', wind_ms: 20 }, geometry: { type: 'Point', coordinates: [80, 10] } }] });
    expect(geoError(() => readCycloneTrack(gj)).code).toBe('TRACK_TOO_SHORT');
  });

  it('skips unreadable rows with a warning and reads pressure when present', () => {
    const text = 'ISO_TIME,SID,NAME,LAT,LON,WIND,PRES\n2019-01-01 00:00:00,A,X,10,80,50,990\n2019-01-01 06:00:00,A,X,abc,80,50,990\n2019-01-01 12:00:00,A,X,11,81,60,980\n';
    const track = readCycloneTrack(text, { name: 'x' });
    expect(track.points).toHaveLength(2);
    expect(track.points[1]?.pressureHpa).toBe(980);
    expect(track.warnings.map((w) => w.code)).toEqual(['TRACK_ROW_INVALID']);
  });

  it.each([
    ['empty text', ''],
    ['a CSV without wind', 'DATETIME,CS_ID,LAT,LON\n'],
    ['bad JSON', '{'],
    ['a GeoJSON geometry', '{"type":"Point","coordinates":[1,2]}'],
  ])('refuses %s with TRACK_INVALID', (_n, text) => {
    expect(geoError(() => readCycloneTrack(text)).code).toBe('TRACK_INVALID');
  });
});
