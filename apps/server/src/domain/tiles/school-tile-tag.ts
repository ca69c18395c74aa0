import { createHash } from 'node:crypto';
import type { Scope } from '@safeschools/domain';
import { schoolTileStamp } from '../../db/tiles/school-tile-stamp.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Raise when the tile's layout or properties change, so browsers drop tiles made by an older server. */
const TILE_FORMAT = 1;

function scopeKey(scope: Scope): string {
  if (scope.kind === 'all') return 'all';
  return `areas:${[...scope.areaIds].sort().join(',')};schools:${[...scope.schoolIds].sort().join(',')}`;
}

/**
 * The entity tag of one school tile as this caller would get it: the registry's change stamp, the caller's scope
 * (two people sharing a browser must not be answered from each other's tiles) and the tile's address. The same tag
 * means the same bytes, so a browser's copy can be confirmed with a 304 without building the tile; any edit or
 * import changes it at once, where a fixed max-age would show the map from before an import for a minute.
 */
export async function schoolTileTag(ctx: Ctx, tile: { z: number; x: number; y: number }): Promise<string> {
  const actor = requirePermission(ctx, 'registry.read');
  const stamp = await schoolTileStamp(ctx.database);
  const digest = createHash('sha256')
    .update(`${TILE_FORMAT}|${stamp}|${scopeKey(actor.scope)}|${tile.z}/${tile.x}/${tile.y}`)
    .digest('base64url')
    .slice(0, 27);
  return `"${digest}"`;
}
