import { z } from 'zod';
import { endpoint } from './endpoint.js';

export const TileParams = z.object({
  z: z.coerce.number().int().min(0).max(22),
  x: z.coerce.number().int().min(0),
  y: z.coerce.number().int().min(0),
});

/**
 * Mapbox Vector Tile (application/vnd.mapbox-vector-tile) with one layer `schools`. Below zoom 9 schools are
 * clustered: each feature is a cluster with `count` and `children`; from zoom 9 each feature is a school with `id`,
 * `name`, `code` and `children`. Only schools within one's scope are in it. An empty tile is 204.
 */
export const schoolTile = endpoint({
  id: 'schoolTile',
  method: 'GET',
  path: '/api/v1/tiles/schools/:z/:x/:y.mvt',
  summary: 'Vector tile of the schools one may see, clustered at low zoom',
  tag: 'map',
  params: TileParams,
  response: z.unknown(),
  auth: 'user',
});
