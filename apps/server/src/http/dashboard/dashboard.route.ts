import { dashboardSummary as summaryEndpoint } from '@safeschools/contract';
import { dashboardSummary } from '../../domain/dashboard/dashboard-summary.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

export function registerDashboardRoutes(app: App, services: Services): void {
  route(app, services.database, summaryEndpoint, {
    scope: 'filtered',
    handler: ({ ctx }) => dashboardSummary(ctx),
  });
}
