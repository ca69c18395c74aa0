import { listInspections as listEndpoint } from '@safeschools/contract';
import { listInspections } from '../../domain/inspections/list-inspections.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentInspection } from './present-inspection.js';

/** GET /api/v1/inspections: the technical inspections in scope, paged or as changes for a device's sync. */
export function registerInspectionListRoute(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const page = await listInspections(ctx, query);
      return { ...page, items: page.items.map(presentInspection) };
    },
  });
}
