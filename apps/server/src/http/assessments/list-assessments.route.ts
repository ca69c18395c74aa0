import { listAssessments as listEndpoint } from '@safeschools/contract';
import { listAssessments } from '../../domain/assessments/list-assessments.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentAssessment } from './present-assessment.js';

/** GET /api/v1/assessments: ranks need a query per school and group, so list items carry none. */
export function registerAssessmentListRoute(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const page = await listAssessments(ctx, query);
      return { ...page, items: page.items.map((row) => presentAssessment({ row, ranks: [] })) };
    },
  });
}
