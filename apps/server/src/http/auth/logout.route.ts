import { logout as logoutEndpoint } from '@safeschools/contract';
import { logout } from '../../domain/auth/logout.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { clearSessionCookie } from './session-cookie.js';

export function registerLogoutRoute(app: App, services: Services): void {
  route(app, services.database, logoutEndpoint, {
    scope: 'self',
    handler: async ({ ctx, request, reply }) => {
      await logout(ctx);
      clearSessionCookie(reply, request, services.config);
      return null;
    },
  });
}
