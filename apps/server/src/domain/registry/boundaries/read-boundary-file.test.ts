import { describe, expect, it } from 'vitest';
import { optionsFromMapping } from './boundary-mapping.js';
import { resolveBoundaryOptions, flattenMapping } from './boundary-options.js';
import { readBoundaryFile } from './read-boundary-file.js';

// Two unit squares sharing the arc x=1: arc 0 is the shared edge, drawn once and walked backwards (~0) by the second.
const topology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [80, 20] },
  arcs: [
    [
      [2, 0],
      [0, 2],
    ],
    [
      [2, 2],
      [-2, 0],
      [0, -2],
      [2, 0],
    ],
    [
      [2, 0],
      [2, 0],
      [0, 2],
      [-2, 0],
    ],
  ],
  objects: {
    districts: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { dt_code: '1', district: 'West', st_code: '9' } },
        { type: 'MultiPolygon', arcs: [[[2, -1]]], properties: { dt_code: '2', district: 'East', st_code: '9' } },
        { type: 'LineString', arcs: [0], properties: { dt_code: '3', district: 'Line', st_code: '9' } },
      ],
    },
  },
};

describe('readBoundaryFile', () => {
  it('decodes quantized, delta-encoded TopoJSON arcs, reversing negative ones', () => {
    const file = readBoundaryFile(Buffer.from(JSON.stringify(topology)));
    expect(file.format).toBe('TopoJSON');
    const [west, east, line] = file.layers[0]!.features;
    expect(JSON.parse(west!.geometry!)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [81, 20],
          [81, 21],
          [80, 21],
          [80, 20],
          [81, 20],
        ],
      ],
    });
    expect(JSON.parse(east!.geometry!)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [81, 20],
            [82, 20],
            [82, 21],
            [81, 21],
            [81, 20],
          ],
        ],
      ],
    });
    expect(line).toMatchObject({ row: 3, geometryType: 'LineString', geometry: null });
  });

  it('suggests the mapping and flattens it for the API', () => {
    const file = readBoundaryFile(Buffer.from(JSON.stringify(topology)));
    const options = resolveBoundaryOptions({}, file);
    expect(flattenMapping(options)).toEqual({
      codeSystem: 'census2011',
      countryCode: 'IN',
      'districts.level': 'district',
      'districts.code': 'dt_code',
      'districts.name': 'district',
      'districts.parentCode': 'st_code',
    });
    expect(resolveBoundaryOptions(optionsFromMapping(flattenMapping(options)), file)).toEqual(options);
    const edited = optionsFromMapping({ ...flattenMapping(options), 'districts.name': 'dt_code' });
    expect(resolveBoundaryOptions(edited, file).levels[0]).toMatchObject({ name: 'dt_code' });
    expect(() => resolveBoundaryOptions({ validFrom: '1 April' }, file)).toThrow(/validFrom/);
    expect(() => resolveBoundaryOptions({ levels: [{ object: 'states', level: 'state', code: 'a', name: 'b' }] }, file)).toThrow(
      /no object "states"/,
    );
  });

  it('refuses what is not a boundary file, naming what it is', () => {
    expect(() => readBoundaryFile(Buffer.from('name,lat\nA,1'))).toThrow(/not JSON/);
    expect(() => readBoundaryFile(Buffer.from('{"type":"Topology","objects":{},"arcs":[]}'))).toThrow(/no objects/);
    expect(() => readBoundaryFile(Buffer.from('{"type":"FeatureCollection","features":[]}'))).toThrow(/no features/);
    const points = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }],
    };
    expect(() => readBoundaryFile(Buffer.from(JSON.stringify(points)))).toThrow(/Point geometries, not areas/);
    const badArc = { ...topology, objects: { d: { type: 'Polygon', arcs: [[7]] } } };
    expect(() => readBoundaryFile(Buffer.from(JSON.stringify(badArc)))).toThrow(/arc index 7/);
  });
});
