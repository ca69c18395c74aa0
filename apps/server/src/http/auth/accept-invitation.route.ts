import { acceptInvitation as acceptEndpoint } from '@safeschools/contract';
import { acceptInvitation } from '../../domain/auth/accept-invitation.js';
import { login } from '../../domain/auth/login.js';
import { describeMe } from '../../domain/auth/describe-me.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentMe } from './present-me.js';
import { setSessionCookie } from './session-cookie.js';

export function registerAcceptInvitationRoute(app: App, services: Services): void {
  const { config, database } = services;
  route(app, database, acceptEndpoint, {
    scope: 'public',
    // Accepting commits first; signing in then opens its own transaction (PGlite cannot nest them).
    transaction: false,
    auditExempt: true,
    handler: async ({ body, ctx, request, reply }) => {
      const user = await database.db.transaction((tx) => acceptInvitation({ ...ctx, tx }, body));
      const session = await login(
        ctx,
        { email: user.email, password: body.password, ip: request.ip, userAgent: request.headers['user-agent'] },
        { maxAttempts: config.LOGIN_MAX_ATTEMPTS, windowMinutes: config.LOGIN_WINDOW_MINUTES, sessionTtlHours: config.SESSION_TTL_HOURS },
      );
      setSessionCookie(reply, request, config, session.sessionToken, session.expiresAt);
      return presentMe(await describeMe(database.db, session.user, session.csrfToken));
    },
  });
}
