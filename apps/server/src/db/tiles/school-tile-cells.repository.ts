import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../database.js';
import { pathVisibleTo } from '../scope/scope-filter.js';
import type { TileCluster, TileRequest } from './school-tiles.repository.js';

/** Cluster grids are stored for levels 6..14 (migration 0008): the cells of tiles at zooms 0..8 on a 64-cell grid. */
export const STORED_CELL_LEVELS = { min: 6, max: 14 } as const;

/**
 * Clusters of a low-zoom tile from the stored cells (`school_tile_cells`), one per grid cell of `extent / cellsPerTile`
 * tile units, at the mean position of its schools. The stored rows are split by area path, so an area scope filters
 * them as it filters schools; a scope that names single schools cannot be answered from cells.
 */
export async function clustersFromCells(
  database: Database,
  viewer: Scope,
  t: TileRequest,
  cellsPerTile: number,
): Promise<TileCluster[]> {
  const shift = Math.log2(cellsPerTile);
  const level = t.z + shift;
  if (!Number.isInteger(shift) || level < STORED_CELL_LEVELS.min || level > STORED_CELL_LEVELS.max)
    throw new Error(`no stored cells for zoom ${t.z} with ${cellsPerTile} cells a side`);
  if (viewer.kind !== 'all' && viewer.schoolIds.length > 0) throw new Error('stored cells cannot filter by school');
  const pad = Math.ceil((t.buffer / t.extent) * cellsPerTile);
  const x0 = t.x * cellsPerTile;
  const y0 = t.y * cellsPerTile;
  const n = 2 ** t.z;
  const clusters = sql`
    SELECT (sum(sum_x) / sum(schools) * ${n} - ${t.x}) * ${t.extent} AS px,
      (sum(sum_y) / sum(schools) * ${n} - ${t.y}) * ${t.extent} AS py,
      sum(schools)::int AS count, sum(children)::bigint AS children
    FROM school_tile_cells
    WHERE level = ${level}
      AND cx BETWEEN ${x0 - pad} AND ${x0 + cellsPerTile - 1 + pad}
      AND cy BETWEEN ${y0 - pad} AND ${y0 + cellsPerTile - 1 + pad}
      AND ${pathVisibleTo(viewer, sql`area_path`)}
    GROUP BY cx, cy`;
  // A national tile has thousands of clusters. PGlite spends more on handing over thousands of rows than on finding
  // them, so it gets one row of four arrays (48 ms → 25 ms at 1.5 M schools); node-postgres parses arrays slowly
  // (25 ms as rows, 42 ms as arrays), so PostgreSQL sends rows.
  if (database.kind === 'postgresql')
    return (await database.rows<TileCluster & Record<string, unknown>>(clusters)).map((c) => ({ ...c, children: Number(c.children) }));
  const [found] = await database.rows<{ px: number[] | null; py: number[]; count: number[]; children: number[] }>(sql`
    SELECT array_agg(px) AS px, array_agg(py) AS py, array_agg(count) AS count, array_agg(children) AS children
    FROM (${clusters}) c`);
  if (!found?.px) return [];
  const { px, py, count, children } = found;
  return px.map((x, i) => ({ px: x, py: py[i]!, count: count[i]!, children: Number(children[i]) }));
}
