import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { sharedText } from '../testing/shared-data.js';
import { readGeoJsonFootprint } from './read-geojson-footprint.js';

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('readGeoJsonFootprint', () => {
  it('reads the Sikkim districts (real file)', () => {
    const { footprints, warnings } = readGeoJsonFootprint(sharedText('boundaries/udit001_sikkim_districts.geojson'));
    expect(footprints.map((f) => f.properties['district'])).toEqual(['North Sikkim', 'West Sikkim', 'South Sikkim', 'East Sikkim']);
    expect(footprints[0]?.polygon[0]?.[0]?.length).toBe(94);
    expect(warnings.filter((w) => w.code !== 'POLYGON_SELF_INTERSECTS')).toEqual([]);
  });

  it('refuses the India outline, which is a LineString', () => {
    const err = geoError(() => readGeoJsonFootprint(sharedText('boundaries/datameet_india_land_simplified.geojson')));
    expect(err.code).toBe('GEOJSON_INVALID');
    expect(err.message).toMatch(/LineString, not a polygon/);
  });

  it('refuses TopoJSON and says so', () => {
    const err = geoError(() => readGeoJsonFootprint(sharedText('boundaries/udit001_india_districts_states.topo.json')));
    expect(err.message).toMatch(/TopoJSON/);
  });

  it('refuses the GDACS point footprint and the cyclone track', () => {
    expect(geoError(() => readGeoJsonFootprint(sharedText('cyclone/kontur_gdacs_geometry_EQ_japan.geojson'))).message).toMatch(/Point/);
    expect(geoError(() => readGeoJsonFootprint(sharedText('cyclone/DERIVED_fani_2019_imd_track.geojson'))).message).toMatch(/LineString/);
  });

  it('reads a bare MultiPolygon with holes, and a Feature with an intensity', () => {
    const hole = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
    const mp = readGeoJsonFootprint(JSON.stringify({ type: 'MultiPolygon', coordinates: [[square, hole], [square.map(([x, y]) => [x! + 5, y!])]] }));
    expect(mp.footprints[0]?.polygon).toHaveLength(2);
    expect(mp.footprints[0]?.polygon[0]).toHaveLength(2);
    const f = readGeoJsonFootprint(JSON.stringify({ type: 'Feature', properties: { mmi: '7.5' }, geometry: { type: 'Polygon', coordinates: [square] } }), { intensityProperty: 'mmi' });
    expect(f.footprints[0]?.intensity).toBe(7.5);
  });

  it('closes unclosed rings and flags self-intersection (bow tie)', () => {
    const bowTie = [[0, 0], [1, 1], [1, 0], [0, 1]];
    const { footprints, warnings } = readGeoJsonFootprint(JSON.stringify({ type: 'Polygon', coordinates: [bowTie] }));
    expect(footprints[0]?.polygon[0]?.[0]).toHaveLength(5);
    expect(warnings.map((w) => w.code)).toEqual(['POLYGON_CLOSED', 'POLYGON_SELF_INTERSECTS']);
  });

  it('skips the self-intersection check above the size limit, saying so', () => {
    const { warnings } = readGeoJsonFootprint(JSON.stringify({ type: 'Polygon', coordinates: [square] }), { selfIntersectionLimit: 3 });
    expect(warnings.map((w) => w.code)).toEqual(['POLYGON_NOT_CHECKED']);
  });

  it('warns on a non-numeric intensity', () => {
    const { warnings } = readGeoJsonFootprint(JSON.stringify({ type: 'Feature', properties: { intensity: 'high' }, geometry: { type: 'Polygon', coordinates: [square] } }));
    expect(warnings.map((w) => w.code)).toEqual(['FOOTPRINT_INTENSITY_INVALID']);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a number', '42', /not a GeoJSON object/],
    ['an empty collection', '{"type":"FeatureCollection","features":[]}', /no features/],
    ['features not an array', '{"type":"FeatureCollection","features":{}}', /must be an array/],
    ['a ring of 3', JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }), /at least 4/],
    ['a string position', JSON.stringify({ type: 'Polygon', coordinates: [[['a', 0], [1, 0], [1, 1], [0, 0]]] }), /position/],
    ['lat/lon swapped beyond range', JSON.stringify({ type: 'Polygon', coordinates: [[[10, 100], [1, 0], [1, 1], [10, 100]]] }), /not a lon\/lat/],
    ['a missing geometry', '{"type":"Feature","properties":{}}', /geometry is missing/],
    ['empty polygon', JSON.stringify({ type: 'Polygon', coordinates: [] }), /at least one ring/],
  ])('refuses %s with GEOJSON_INVALID', (_n, text, pattern) => {
    const err = geoError(() => readGeoJsonFootprint(text));
    expect(err.code).toBe('GEOJSON_INVALID');
    expect(err.message).toMatch(pattern);
  });
});
