import { getPriorityList, getReadiness as readinessEndpoint, listSchoolInspections as listEndpoint, saveInspection as saveEndpoint } from '@safeschools/contract';
import { listSchoolInspections, priorityList } from '../../domain/inspections/read-inspections.js';
import { presentInspection } from './present-inspection.js';
import { saveInspection } from '../../domain/inspections/save-inspection.js';
import { getReadiness } from '../../domain/readiness/get-readiness.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

export function registerInspectionRoutes(app: App, services: Services): void {
  const db = services.database;
  route(app, db, saveEndpoint, {
    scope: 'filtered',
    permission: 'safety.approve',
    handler: async ({ ctx, params, body, reply }) => {
      const row = await saveInspection(ctx, params.id, body);
      if (row.version === 1) reply.status(201);
      return presentInspection(row);
    },
  });
  route(app, db, listEndpoint, { scope: 'filtered', permission: 'safety.read', handler: async ({ ctx, params }) => ({ items: (await listSchoolInspections(ctx, params.id)).map(presentInspection) }) });
  route(app, db, getPriorityList, { scope: 'filtered', permission: 'safety.read', handler: ({ ctx, query }) => priorityList(ctx, query) });
  route(app, db, readinessEndpoint, { scope: 'filtered', permission: 'safety.read', handler: ({ ctx, query }) => getReadiness(ctx, query) });
}
