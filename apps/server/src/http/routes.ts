import type { Services } from '../services.js';
import type { App } from './app-types.js';
import { registerHealthRoute } from './system/health.route.js';
import { registerLoginRoute } from './auth/login.route.js';
import { registerLogoutRoute } from './auth/logout.route.js';
import { registerMeRoutes } from './auth/me.route.js';
import { registerAcceptInvitationRoute } from './auth/accept-invitation.route.js';
import { registerApiTokenRoutes } from './auth/api-tokens.route.js';
import { registerUserRoutes } from './users/users.route.js';
import { registerAreaRoutes } from './areas/areas.route.js';
import { registerSchoolRoutes } from './schools/schools.route.js';
import { registerDashboardRoutes } from './dashboard/dashboard.route.js';
import { registerAuditRoutes } from './audit/audit.route.js';
import { registerJobRoutes } from './jobs/jobs.route.js';
import { registerFileRoutes } from './files/files.route.js';
import { registerImportRoutes } from './imports/imports.route.js';
import { registerTileRoutes } from './tiles/tiles.route.js';
import { registerExportRoutes } from './exports/exports.route.js';
import { registerEventRoutes } from './events/events.route.js';

/** Every API route, by area. A route registered here without a scope rule stops start-up (see app.ts). */
export async function registerRoutes(app: App, services: Services): Promise<void> {
  registerHealthRoute(app, services);
  registerLoginRoute(app, services);
  registerLogoutRoute(app, services);
  registerMeRoutes(app, services);
  registerAcceptInvitationRoute(app, services);
  registerApiTokenRoutes(app, services);
  registerUserRoutes(app, services);
  registerAreaRoutes(app, services);
  registerSchoolRoutes(app, services);
  registerDashboardRoutes(app, services);
  registerAuditRoutes(app, services);
  registerJobRoutes(app, services);
  await registerFileRoutes(app, services);
  registerImportRoutes(app, services);
  registerTileRoutes(app, services);
  registerExportRoutes(app, services);
  registerEventRoutes(app, services);
}
