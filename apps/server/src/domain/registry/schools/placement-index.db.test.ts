import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/database.js';
import { loadPlacementAreas } from '../../../db/registry/schools/placement-areas.repository.js';
import { findPlacementFacts, type PlacementInput } from '../../../db/registry/schools/school-placement.repository.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { PlacementIndex } from './placement-index.js';

let database: Database;
const ids = { india: uuidv7(), state: uuidv7(), west: uuidv7(), east: uuidv7(), holed: uuidv7() };

async function area(id: string, level: string, path: string[], codes: Record<string, string>, rings: number[][][] | null) {
  const geom = rings ? sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: rings })}), 4326))` : sql`NULL`;
  await database.rows(sql`INSERT INTO areas (id, parent_id, level, name, codes, path, geom, country_code)
    VALUES (${id}, ${path.at(-2) ?? null}, ${level}, ${`area ${level} ${id.slice(-4)}`}, ${JSON.stringify(codes)}::jsonb,
            ${`{${path.join(',')}}`}::uuid[], ${geom}, 'IN')`);
}

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

beforeAll(async () => {
  database = await createTestDatabase();
  await area(ids.india, 'country', [ids.india], { iso3166: 'IN' }, null);
  await area(ids.state, 'state', [ids.india, ids.state], { lgd: '11' }, [box(80, 20, 82, 22)]);
  // Two districts sharing the border at lon 81, and a slanted edge, so border points are tested on both kinds.
  await area(ids.west, 'district', [ids.india, ids.state, ids.west], { lgd: '1', census2011: '101' }, [
    [
      [80, 20],
      [81, 20],
      [81, 22],
      [80, 21],
      [80, 20],
    ],
  ]);
  await area(ids.east, 'district', [ids.india, ids.state, ids.east], { lgd: '2' }, [box(81, 20, 82, 22)]);
  // A district with a hole: a point in the hole belongs to the state only.
  await area(ids.holed, 'district', [ids.india, ids.state, ids.holed], { udise: '3' }, [box(85, 20, 86, 21), box(85.4, 20.4, 85.6, 20.6)]);
});
afterAll(() => database.close());

it('answers the same placement facts in memory as PostGIS does with ST_Covers, borders and holes included', async () => {
  const points: ([number, number] | null)[] = [
    [80.5, 20.5],
    [81, 20.5],
    [81, 20],
    [80, 20],
    [80.5, 21.5],
    [80.4, 21.2],
    [80, 21],
    [82, 22],
    [82.0001, 21],
    [85.5, 20.5],
    [85.4, 20.5],
    [85.2, 20.2],
    [70, 10],
    null,
  ];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 200; i++) points.push([79.9 + random() * 6.2, 19.9 + random() * 2.2]);
  const declared = [
    {},
    { district: { lgd: '1', name: 'West' } },
    { district: { census2011: '101' }, state: { lgd: '11' } },
    { district: { lgd: '999' } },
    { district: { udise: '3' }, state: { lgd: '12' } },
    { district: { name: 'Nowhere' } },
  ];
  const inputs: PlacementInput[] = points.map((location, i) => ({ schoolId: uuidv7(), location, declared: declared[i % declared.length] }));
  const { stamp, areas } = await loadPlacementAreas(database, database.db);
  const index = new PlacementIndex(stamp, areas);
  const bySql = new Map((await findPlacementFacts(database, database.db, inputs)).map((f) => [f.schoolId, f]));
  for (const input of inputs) expect(index.facts(input), JSON.stringify(input.location)).toEqual(bySql.get(input.schoolId));
});
