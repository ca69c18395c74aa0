import type { Scope } from '@safeschools/domain';
import { clustersInTile, schoolsInTile } from '../../db/tiles/school-tiles.repository.js';
import { clustersFromCells } from '../../db/tiles/school-tile-cells.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { encodePointTile } from './encode-mvt.js';

/** Below this zoom a tile shows clusters, not schools: a national view of 1.5 M points must stay light. */
export const CLUSTER_BELOW_ZOOM = 9;
const EXTENT = 4096;
const BUFFER = 64;
/**
 * 64×64 cluster cells per tile: about one cluster per 4×4 screen pixels of a 256-pixel tile. The stored cells
 * (migration 0008) are built for exactly this grid at zooms below CLUSTER_BELOW_ZOOM.
 */
const CELLS_PER_TILE = 64;
const CELL = EXTENT / CELLS_PER_TILE;

/** Stored cells are split by area, so they serve every scope except one that names single schools. */
function cellsServe(scope: Scope): boolean {
  return scope.kind === 'all' || scope.schoolIds.length === 0;
}

export async function getSchoolTile(ctx: Ctx, tile: { z: number; x: number; y: number }): Promise<Uint8Array> {
  const actor = requirePermission(ctx, 'registry.read');
  const max = 2 ** tile.z;
  if (tile.x >= max || tile.y >= max) throw new AppError('VALIDATION_FAILED', `x and y must be below ${max} at zoom ${tile.z}.`);
  const request = { ...tile, extent: EXTENT, buffer: BUFFER };
  if (tile.z < CLUSTER_BELOW_ZOOM) {
    const clusters = cellsServe(actor.scope)
      ? await clustersFromCells(ctx.database, actor.scope, request, CELLS_PER_TILE)
      : await clustersInTile(ctx.database, actor.scope, request, CELL);
    return encodePointTile(
      'schools',
      clusters.map((c) => ({ x: c.px, y: c.py, properties: { count: c.count, children: c.children } })),
      EXTENT,
    );
  }
  const schools = await schoolsInTile(ctx.database, actor.scope, request);
  return encodePointTile(
    'schools',
    schools.map((s) => ({ x: s.px, y: s.py, properties: { id: s.id, name: s.name, code: s.code, children: s.children } })),
    EXTENT,
  );
}
