import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../../db/database.js';
import { schools } from '../../db/schema.js';
import { clustersFromCells } from '../../db/tiles/school-tile-cells.repository.js';
import { clustersInTile, type TileCluster } from '../../db/tiles/school-tiles.repository.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { buildArea } from '../../testing/factories.js';
import { systemActor, type Ctx } from '../shared/context.js';
import { CLUSTER_BELOW_ZOOM, getSchoolTile } from './get-school-tile.js';

const EXTENT = 4096;
const CELLS = 64;

interface Placed {
  id: string;
  lon: number;
  lat: number;
  children: number;
  district: number;
}

let database: Database;
let districts: { id: string; path: string[] }[];
let placed: Placed[];

function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Tiles at zoom z covering the schools (a region across tile borders at every zoom). */
function tilesAt(z: number): { z: number; x: number; y: number }[] {
  const xs = placed.map((p) => tileOf(p.lon, p.lat, z));
  const out = [];
  for (let x = Math.min(...xs.map((t) => t.x)); x <= Math.max(...xs.map((t) => t.x)); x++)
    for (let y = Math.min(...xs.map((t) => t.y)); y <= Math.max(...xs.map((t) => t.y)); y++) out.push({ z, x, y });
  return out;
}

const request = (t: { z: number; x: number; y: number }) => ({ ...t, extent: EXTENT, buffer: EXTENT / CELLS });
function schoolsLayer(bytes: Uint8Array) {
  return new VectorTile(new Protobuf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers.schools;
}
const inside = (c: TileCluster) => c.px >= 0 && c.px < EXTENT && c.py >= 0 && c.py < EXTENT;

function scopeOf(district: number): Scope {
  return { kind: 'limited', areaIds: [districts[district]!.id], schoolIds: [] };
}

/** For every clustered zoom and every tile: stored clusters hold exactly the schools whose points fall in the tile. */
async function expectClustersCountTheirTiles(scope: Scope, visible: (p: Placed) => boolean) {
  for (let z = 0; z < CLUSTER_BELOW_ZOOM; z++) {
    for (const t of tilesAt(z)) {
      const mine = placed.filter((p) => visible(p) && tileOf(p.lon, p.lat, z).x === t.x && tileOf(p.lon, p.lat, z).y === t.y);
      const clusters = (await clustersFromCells(database, scope, request(t), CELLS)).filter(inside);
      expect(clusters.reduce((s, c) => s + c.count, 0), `schools in ${z}/${t.x}/${t.y}`).toBe(mine.length);
      expect(clusters.reduce((s, c) => s + Number(c.children), 0), `children in ${z}/${t.x}/${t.y}`).toBe(
        mine.reduce((s, p) => s + p.children, 0),
      );
    }
  }
}

/** The stored cells give the clusters that grouping the schools themselves gives, cell by cell. */
async function expectSameAsGroupingLive(scope: Scope) {
  const byCell = (cs: TileCluster[]) =>
    cs
      .map((c) => [Math.floor(c.px / CELLS), Math.floor(c.py / CELLS), c.count, Number(c.children), c.px, c.py] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const z of [2, 6, 8]) {
    for (const t of tilesAt(z)) {
      const stored = byCell(await clustersFromCells(database, scope, request(t), CELLS));
      const live = byCell(await clustersInTile(database, scope, request(t), EXTENT / CELLS));
      expect(stored.map((c) => c.slice(0, 4))).toEqual(live.map((c) => c.slice(0, 4)));
      stored.forEach((c, i) => {
        expect(c[4]).toBeCloseTo(live[i]![4], 3);
        expect(c[5]).toBeCloseTo(live[i]![5], 3);
      });
    }
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const country = await buildArea(database, { name: 'India', level: 'country' });
  const state = await buildArea(database, { name: 'Sikkim', level: 'state', parent: country });
  districts = [
    await buildArea(database, { name: 'East', level: 'district', parent: state }),
    await buildArea(database, { name: 'West', level: 'district', parent: state }),
  ];
  // 400 schools over a 2°×2° square that crosses tile borders at every clustered zoom, inserted in one statement.
  const next = random(7);
  placed = Array.from({ length: 400 }, (_, i) => ({
    id: uuidv7(),
    lon: 86.5 + next() * 2,
    lat: 26.5 + next() * 2,
    children: Math.floor(next() * 900),
    district: i % 2,
  }));
  await database.db.insert(schools).values(
    placed.map((p, i) => ({
      id: p.id,
      name: `School ${i}`,
      code: String(20_000_000_000 + i),
      codeSystem: 'udise',
      countryCode: 'IN',
      location: sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`,
      areaId: districts[p.district]!.id,
      areaPath: districts[p.district]!.path,
      enrolmentGirls: p.children,
      enrolmentBoys: 0,
    })),
  );
});
afterAll(() => database.close());

describe('stored school clusters for low-zoom tiles', () => {
  it('count in each tile exactly the schools whose points fall in it, for everyone and for a district', async () => {
    await expectClustersCountTheirTiles({ kind: 'all' }, () => true);
    await expectClustersCountTheirTiles(scopeOf(1), (p) => p.district === 1);
    await expectSameAsGroupingLive({ kind: 'all' });
  });

  it('follow moves, enrolment changes, area changes and deletes', async () => {
    const [moved, grown, rehomed, retired, removed] = placed;
    Object.assign(moved!, { lon: 88.9, lat: 28.1 });
    await database.rows(sql`UPDATE schools SET location = ST_SetSRID(ST_MakePoint(88.9, 28.1), 4326) WHERE id = ${moved!.id}`);
    grown!.children += 250;
    await database.rows(sql`UPDATE schools SET enrolment_total = ${grown!.children} WHERE id = ${grown!.id}`);
    rehomed!.district = 1 - rehomed!.district;
    const home = districts[rehomed!.district]!;
    await database.rows(
      sql`UPDATE schools SET area_id = ${home.id}, area_path = ${`{${home.path.join(',')}}`}::uuid[] WHERE id = ${rehomed!.id}`,
    );
    await database.rows(sql`UPDATE schools SET deleted_at = now() WHERE id = ${retired!.id}`);
    await database.rows(sql`DELETE FROM schools WHERE id = ${removed!.id}`);
    await database.rows(sql`UPDATE schools SET name = name || ' (renamed)' WHERE code LIKE '2000000001%'`);
    placed = placed.filter((p) => p !== retired && p !== removed);

    await expectClustersCountTheirTiles({ kind: 'all' }, () => true);
    await expectClustersCountTheirTiles(scopeOf(0), (p) => p.district === 0);
    await expectSameAsGroupingLive({ kind: 'all' });
    const [empty] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM school_tile_cells WHERE schools <= 0`);
    expect(empty!.n).toBe(0);
  });

  it('serves the clusters as the tile the map reads: a count and children per feature', async () => {
    const ctx: Ctx = { database, tx: database.db, actor: systemActor, requestId: 'test', now: new Date() };
    for (const t of tilesAt(6)) {
      const layer = schoolsLayer(await getSchoolTile(ctx, t));
      const stored = await clustersFromCells(database, { kind: 'all' }, request(t), CELLS);
      expect(layer?.length ?? 0).toBe(stored.length);
      const features = Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i).properties);
      expect(features.reduce((s, f) => s + Number(f.count), 0)).toBe(stored.reduce((s, c) => s + c.count, 0));
      expect(features.every((f) => typeof f.children === 'number' && f.name === undefined)).toBe(true);
    }
  });

  it('groups the schools themselves for a scope that names single schools', async () => {
    const one = placed[10]!;
    const actor = { ...systemActor, role: 'school_focal_point' as const, scope: { kind: 'limited' as const, areaIds: [], schoolIds: [one.id] } };
    const ctx: Ctx = { database, tx: database.db, actor, requestId: 'test', now: new Date() };
    const t = { z: 5, ...tileOf(one.lon, one.lat, 5) };
    const layer = schoolsLayer(await getSchoolTile(ctx, t));
    expect(layer?.length).toBe(1);
    expect(layer!.feature(0).properties).toMatchObject({ count: 1, children: one.children });
    await expect(clustersFromCells(database, actor.scope, request(t), CELLS)).rejects.toThrow(/by school/);
  });
});
