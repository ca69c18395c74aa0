import { login as loginEndpoint } from '@safeschools/contract';
import { login } from '../../domain/auth/login.js';
import { describeMe } from '../../domain/auth/describe-me.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentMe } from './present-me.js';
import { setSessionCookie } from './session-cookie.js';

export function registerLoginRoute(app: App, services: Services): void {
  const { config, database } = services;
  route(app, database, loginEndpoint, {
    scope: 'public',
    // Failed attempts must be counted even though the request fails, so no request-wide transaction.
    transaction: false,
    handler: async ({ body, ctx, request, reply }) => {
      const result = await login(
        ctx,
        { email: body.email, password: body.password, ip: request.ip, userAgent: request.headers['user-agent'] },
        { maxAttempts: config.LOGIN_MAX_ATTEMPTS, windowMinutes: config.LOGIN_WINDOW_MINUTES, sessionTtlHours: config.SESSION_TTL_HOURS },
      );
      setSessionCookie(reply, request, config, result.sessionToken, result.expiresAt);
      return presentMe(await describeMe(database.db, result.user, result.csrfToken));
    },
  });
}
