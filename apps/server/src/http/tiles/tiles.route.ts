import { schoolTile } from '@safeschools/contract';
import { getSchoolTile } from '../../domain/tiles/get-school-tile.js';
import { schoolTileTag } from '../../domain/tiles/school-tile-tag.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

/** Whether the browser's copy (If-None-Match, possibly a list of tags) is the tile as it stands. */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

export function registerTileRoutes(app: App, services: Services): void {
  route(app, services.database, schoolTile, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, params, reply, request }) => {
      const tag = await schoolTileTag(ctx, params);
      // Tiles depend on who asks (scope), so only the browser keeps them; it asks each time whether its copy still
      // holds, which costs two index probes instead of building the tile.
      reply.header('cache-control', 'private, no-cache').header('etag', tag);
      if (matches(request.headers['if-none-match'], tag)) return reply.status(304).send();
      const tile = await getSchoolTile(ctx, params);
      if (tile.byteLength === 0) return reply.status(204).send();
      return reply.type('application/vnd.mapbox-vector-tile').send(Buffer.from(tile));
    },
  });
}
