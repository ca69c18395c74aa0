import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { importTestContext, sharedData } from './import-test-context.js';
import { runBoundaryImport } from './run-boundary-import.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const square = (x: number, y: number, size = 0.1) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const collection = (features: { properties: Record<string, unknown>; geometry: unknown }[]) =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });
const district = (dt_code: string, name: string, x: number, st_code = '11') => ({
  properties: { dt_code, district: name, st_code },
  geometry: square(x, 27),
});
const run = (text: string, input: Parameters<typeof importTestContext>[2] = {}) => {
  const ctx = importTestContext(database, { text }, input);
  return runBoundaryImport(ctx).then((outcome) => ({ outcome, problems: ctx.problems }));
};
const areasNamed = (name: string) =>
  database.rows<{
    id: string;
    name: string;
    valid_from: string | null;
    valid_to: string | null;
    version: number;
    codes: Record<string, string>;
  }>(sql`
    SELECT id, name, valid_from::text, valid_to::text, version, codes FROM areas WHERE name = ${name} ORDER BY valid_from NULLS FIRST`);

describe('boundary history', () => {
  it('renames in place with an audit entry, or with validFrom closes what changed and keeps it', async () => {
    expect(
      (await run(collection([{ properties: { st_code: '11', st_nm: 'Sikkim' }, geometry: square(88, 27, 1) }]))).outcome.counts
        .created,
    ).toBe(1);
    const first = await run(
      collection([
        district('244', 'East Sikkim', 88.6),
        district('243', 'South Sikkim', 88.3),
        district('242', 'West Sikkim', 88.1),
      ]),
    );
    expect(first.outcome.counts).toMatchObject({ created: 3, rejected: 0 });

    const renamed = await run(
      collection([district('244', 'Gangtok', 88.6), district('243', 'South Sikkim', 88.3), district('242', 'West Sikkim', 88.1)]),
    );
    expect(renamed.outcome.counts).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [gangtok] = await areasNamed('Gangtok');
    expect(gangtok).toMatchObject({ version: 2, valid_to: null, codes: { census2011: '244' } });
    const audits = await database.rows<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_log WHERE entity_id = ${gangtok!.id} AND action = 'area.update'`,
    );
    expect(audits[0]!.details).toMatchObject({ name: ['East Sikkim', 'Gangtok'] });

    // 2027: Gangtok renamed again, South Sikkim gone (split), Pakyong new.
    const later = await run(
      collection([district('244', 'Gangtok East', 88.6), district('242', 'West Sikkim', 88.1), district('999', 'Pakyong', 88.7)]),
      { options: { validFrom: '2027-01-01' } },
    );
    expect(later.outcome.counts).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(later.outcome.message).toContain('1 area(s) no longer in the file closed on 2027-01-01');
    expect(await areasNamed('Gangtok')).toMatchObject([{ valid_to: '2026-12-31', version: 3 }]);
    expect(await areasNamed('Gangtok East')).toMatchObject([
      { valid_from: '2027-01-01', valid_to: null, codes: { census2011: '244' } },
    ]);
    expect(await areasNamed('South Sikkim')).toMatchObject([{ valid_to: '2026-12-31' }]);
    expect(await areasNamed('Pakyong')).toMatchObject([{ valid_from: '2027-01-01', valid_to: null }]);
    const current = await database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM areas WHERE level = 'district' AND valid_to IS NULL`,
    );
    expect(current[0]!.n).toBe(3);
  });

  it('with validFrom, a renamed state is replaced and its districts move to the new one', async () => {
    const ring = (x: number, w: number) => [
      [x, 10],
      [x + w, 10],
      [x + w, 11],
      [x, 11],
      [x, 10],
    ];
    const topo = (stateName: string) =>
      JSON.stringify({
        type: 'Topology',
        arcs: [ring(70, 1), ring(70, 0.5), ring(70.5, 0.5)],
        objects: {
          states: {
            type: 'GeometryCollection',
            geometries: [{ type: 'Polygon', arcs: [[0]], properties: { st_code: '77', st_nm: stateName } }],
          },
          districts: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Polygon', arcs: [[1]], properties: { dt_code: '7701', district: 'Left', st_code: '77' } },
              { type: 'Polygon', arcs: [[2]], properties: { dt_code: '7702', district: 'Right', st_code: '77' } },
            ],
          },
        },
      });
    expect((await run(topo('Old State'))).outcome.counts).toMatchObject({ created: 3 });
    const renamed = await run(topo('New State'), { options: { validFrom: '2028-01-01' } });
    expect(renamed.outcome.counts).toMatchObject({ created: 2, updated: 1, rejected: 0 });
    const current = await database.rows<{ name: string; state: string; valid_to: string | null; path_len: number }>(sql`
      SELECT d.name, s.name AS state, d.valid_to::text, cardinality(d.path) AS path_len FROM areas d JOIN areas s ON s.id = d.parent_id
      WHERE d.codes->>'census2011' IN ('7701', '7702') ORDER BY d.valid_to NULLS LAST, d.name`);
    expect(current).toEqual([
      { name: 'Left', state: 'Old State', valid_to: '2027-12-31', path_len: 3 },
      { name: 'Right', state: 'Old State', valid_to: '2027-12-31', path_len: 3 },
      { name: 'Left', state: 'New State', valid_to: null, path_len: 3 },
      { name: 'Right', state: 'New State', valid_to: null, path_len: 3 },
    ]);
  });

  it('rejects the whole file on row errors unless valid rows only, and repairs invalid geometry', async () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [88, 26],
          [88.2, 26.2],
          [88.2, 26],
          [88, 26.2],
          [88, 26],
        ],
      ],
    };
    const text = collection([
      district('501', 'Alpha', 88.0, '12'),
      district('501', 'Alpha Again', 88.2, '12'),
      district('502', 'Orphan', 88.4, '99'),
      { properties: { dt_code: '503', district: 'Point', st_code: '12' }, geometry: { type: 'Point', coordinates: [88, 27] } },
      { properties: { dt_code: '504', st_code: '12' }, geometry: square(88.5, 27) },
      { properties: { dt_code: '505', district: 'Bow Tie', st_code: '12' }, geometry: bowTie },
    ]);
    await run(collection([{ properties: { st_code: '12', st_nm: 'Test State' }, geometry: square(80, 20, 1) }]));
    const rejected = await run(text);
    expect(rejected.outcome.status).toBe('rejected');
    expect(rejected.outcome.counts).toMatchObject({ rows: 6, rejected: 4 });
    expect(rejected.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.code])).toEqual([
      [2, 'DUPLICATE_AREA'],
      [3, 'PARENT_UNKNOWN'],
      [4, 'NOT_AN_AREA'],
      [5, 'NAME_MISSING'],
    ]);
    expect(await areasNamed('Alpha')).toEqual([]);

    const partial = await run(text, { validRowsOnly: true });
    expect(partial.outcome).toMatchObject({ status: 'completed', counts: { created: 2, rejected: 4 } });
    expect(partial.problems).toContainEqual(expect.objectContaining({ row: 6, severity: 'warning', code: 'GEOMETRY_REPAIRED' }));
    const repaired = await database.rows<{ valid: boolean; type: string }>(
      sql`SELECT ST_IsValid(geom) AS valid, GeometryType(geom) AS type FROM areas WHERE name = 'Bow Tie'`,
    );
    expect(repaired).toEqual([{ valid: true, type: 'MULTIPOLYGON' }]);
  });

  it('refuses files that are not boundaries, saying why', async () => {
    await expect(run('schools,lat\n1,2')).rejects.toThrow(/not JSON/);
    await expect(run('{"type":"Topology"}')).rejects.toThrow(/no objects/);
    await expect(run('[1,2]')).rejects.toThrow(/not GeoJSON or TopoJSON/);
    await expect(run('{"type":"Point","coordinates":[1,2]}')).rejects.toThrow(
      /neither a GeoJSON FeatureCollection nor a TopoJSON/,
    );
    const ctx = importTestContext(database, { path: sharedData('datameet_india_land_simplified.geojson') });
    await expect(runBoundaryImport(ctx)).rejects.toThrow(/LineString geometries, not areas.*does not enclose anything/);
    await expect(run(collection([{ properties: { a: 1 }, geometry: square(1, 1) }]))).rejects.toThrow(/Give options.levels/);
    await expect(
      run(collection([district('1', 'x', 1)]), {
        options: { levels: [{ level: 'district', code: 'dt_code', name: 'district' }] },
      }),
    ).rejects.toThrow(/needs parentCode/);
  });
});
