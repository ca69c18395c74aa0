import { schoolTile } from '@safeschools/contract';
import { getSchoolTile } from '../../domain/tiles/get-school-tile.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

export function registerTileRoutes(app: App, services: Services): void {
  route(app, services.database, schoolTile, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, params, reply }) => {
      const tile = await getSchoolTile(ctx, params);
      // Tiles depend on who asks (scope), so only the browser may cache them, and briefly.
      reply.header('cache-control', 'private, max-age=60');
      if (tile.byteLength === 0) return reply.status(204).send();
      return reply.type('application/vnd.mapbox-vector-tile').send(Buffer.from(tile));
    },
  });
}
