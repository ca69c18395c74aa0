import { listAudit as listEndpoint } from '@safeschools/contract';
import { listAudit } from '../../domain/audit/list-audit.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

export function registerAuditRoutes(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'audit.read',
    handler: async ({ ctx, query }) => {
      const page = await listAudit(ctx, query);
      return {
        ...page,
        items: page.items.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actorId,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          beforeVersion: r.beforeVersion,
          afterVersion: r.afterVersion,
          requestId: r.requestId,
        })),
      };
    },
  });
}
