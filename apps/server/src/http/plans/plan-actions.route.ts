import { approvePlan, returnPlan, submitPlan } from '@safeschools/contract';
import { movePlan } from '../../domain/plans/move-plan.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentPlan } from './present-plan.js';

/** `/plans/:id/submit|approve|return`: the transitions under their own names, one use case behind all of them. */
export function registerPlanActionRoutes(app: App, services: Services): void {
  for (const [endpoint, action] of [
    [submitPlan, 'submit'],
    [approvePlan, 'approve'],
    [returnPlan, 'return'],
  ] as const) {
    route(app, services.database, endpoint, {
      scope: 'filtered',
      // The use case asks for safety.write or safety.approve, as the action needs.
      permission: 'safety.read',
      handler: async ({ ctx, params, body }) => presentPlan(await movePlan(ctx, params.id, { action, ...body }), ctx.now),
    });
  }
}
