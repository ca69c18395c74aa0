import {
  getPlanPdf as pdfEndpoint,
  getSchoolPlan as getEndpoint,
  listPlans as listEndpoint,
  saveSchoolPlan as saveEndpoint,
  transitionSchoolPlan as transitionEndpoint,
} from '@safeschools/contract';
import { getSchoolPlan } from '../../domain/plans/get-plan.js';
import { listPlans } from '../../domain/plans/list-plans.js';
import { movePlan } from '../../domain/plans/move-plan.js';
import { getPlanPdf } from '../../domain/plans/plan-pdf.js';
import { saveSchoolPlan } from '../../domain/plans/save-plan.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentPlan, presentPlanSummary } from './present-plan.js';

export function registerPlanRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, getEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params }) => presentPlan(await getSchoolPlan(ctx, params.id), ctx.now),
  });
  route(app, database, saveEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, params, body }) => presentPlan(await saveSchoolPlan(ctx, params.id, body), ctx.now),
  });
  route(app, database, transitionEndpoint, {
    scope: 'filtered',
    // Submitting needs safety.write and approving safety.approve; the use case asks for the one the action needs.
    permission: 'safety.read',
    handler: async ({ ctx, params, body }) => presentPlan(await movePlan(ctx, params.id, body), ctx.now),
  });
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const page = await listPlans(ctx, query);
      return { items: page.items.map((item) => presentPlanSummary(item, ctx.now)), nextCursor: page.nextCursor };
    },
  });
  route(app, database, pdfEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params, query, reply }) => {
      const { pdf, fileName } = await getPlanPdf(ctx, params.id, query.lang);
      // The plan names adults and their phones: never kept by shared caches.
      reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  });
}
