import {
  getAreaDrillTrend as trendEndpoint,
  listDrills as listAllEndpoint,
  recordDrillAtSchool as recordAtSchoolEndpoint,
  listDueDrills as dueEndpoint,
  listSchoolDrills as listEndpoint,
  recordDrill as recordEndpoint,
  updateCorrectiveAction as actionEndpoint,
} from '@safeschools/contract';
import { areaDrillTrend } from '../../domain/drills/area-drill-trend.js';
import { listDrills } from '../../domain/drills/list-drills.js';
import { listDueDrills } from '../../domain/drills/list-due-drills.js';
import { listSchoolDrills } from '../../domain/drills/list-school-drills.js';
import { recordDrill } from '../../domain/drills/record-drill.js';
import { updateCorrectiveAction } from '../../domain/drills/update-corrective-action.js';
import type { DrillTrend } from '@safeschools/domain';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentDrill } from './present-drill.js';

// The domain's trends are read-only; the wire types are plain arrays.
const copyTrend = (t: DrillTrend) => ({ ...t, points: t.points.map((p) => ({ ...p })) });

export function registerDrillRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, recordEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, params, body }) => presentDrill(await recordDrill(ctx, params.id, body)),
  });
  // The same use case as the per-school route, for clients that hold the school id with the record.
  route(app, database, recordAtSchoolEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, body: { schoolId, ...drill } }) => presentDrill(await recordDrill(ctx, schoolId, drill)),
  });
  route(app, database, listAllEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const page = await listDrills(ctx, query);
      return { ...page, items: page.items.map(presentDrill) };
    },
  });
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params }) => {
      const { rows, trend, due } = await listSchoolDrills(ctx, params.id);
      return { items: rows.map(presentDrill), trend: { classroomsOut: copyTrend(trend.classroomsOut), assemblyPoint: copyTrend(trend.assemblyPoint) }, due };
    },
  });
  route(app, database, actionEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, params, body }) => presentDrill(await updateCorrectiveAction(ctx, params.id, params.actionId, body)),
  });
  route(app, database, dueEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => listDueDrills(ctx, query),
  });
  route(app, database, trendEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const trend = await areaDrillTrend(ctx, query);
      return { ...trend, classroomsOut: copyTrend(trend.classroomsOut), assemblyPoint: copyTrend(trend.assemblyPoint) };
    },
  });
}
