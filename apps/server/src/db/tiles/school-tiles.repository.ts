import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface TileSchool {
  px: number;
  py: number;
  id: string;
  name: string;
  code: string | null;
  children: number;
}

export interface TileCluster {
  px: number;
  py: number;
  count: number;
  children: number;
}

export interface TileRequest {
  z: number;
  x: number;
  y: number;
  extent: number;
  /** Extra tile units on each side, so symbols at tile edges are not cut. */
  buffer: number;
}

function lonOf(x: number, n: number): number {
  return (x / n) * 360 - 180;
}
function latOf(y: number, n: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
}

/**
 * Schools in a tile with their position in tile units (Web Mercator), computed in SQL from lon/lat so that the
 * embedded PostGIS, which has no MVT support, and the server answer alike. The bounding box uses the GiST index.
 */
function tileRows(viewer: Scope, t: TileRequest) {
  const n = 2 ** t.z;
  const pad = t.buffer / t.extent;
  const west = lonOf(t.x - pad, n);
  const east = lonOf(t.x + 1 + pad, n);
  const north = latOf(Math.max(0, t.y - pad), n);
  const south = latOf(Math.min(n, t.y + 1 + pad), n);
  const lat = sql`radians(least(85.0511, greatest(-85.0511, ST_Y(s.location))))`;
  return sql`
    SELECT s.id::text AS id, s.name, s.code,
      coalesce(s.enrolment_total, coalesce(s.enrolment_girls, 0) + coalesce(s.enrolment_boys, 0))::int AS children,
      ((ST_X(s.location) + 180) / 360 * ${n} - ${t.x}) * ${t.extent} AS px,
      ((1 - ln(tan(${lat}) + 1 / cos(${lat})) / pi()) / 2 * ${n} - ${t.y}) * ${t.extent} AS py
    FROM schools s
    WHERE s.deleted_at IS NULL
      AND s.location && ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, 4326)
      AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}`;
}

export async function schoolsInTile(database: Database, viewer: Scope, t: TileRequest): Promise<TileSchool[]> {
  return database.rows<TileSchool & Record<string, unknown>>(tileRows(viewer, t));
}

/** Schools grouped on a grid of `cell` tile units; each cluster sits at the mean position of its schools. */
export async function clustersInTile(database: Database, viewer: Scope, t: TileRequest, cell: number): Promise<TileCluster[]> {
  return database.rows<TileCluster & Record<string, unknown>>(sql`
    SELECT avg(px) AS px, avg(py) AS py, count(*)::int AS count, sum(children)::bigint AS children
    FROM (${tileRows(viewer, t)}) q
    GROUP BY floor(px / ${cell}), floor(py / ${cell})`);
}
