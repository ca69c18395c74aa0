import type { Services } from '../../services.js';
import { resolveActor } from '../../domain/auth/resolve-actor.js';
import { isAppError } from '../../domain/shared/app-error.js';
import type { App } from '../app-types.js';
import { SESSION_COOKIE, clearSessionCookie } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

function bearerOf(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Resolves the caller once per request. On public routes bad credentials are ignored (a stale cookie must not
 * block signing in again); on every other route they end the request with their own code.
 */
export function registerAuthentication(app: App, services: Services): void {
  app.decorateRequest('csrfToken', null);
  app.addHook('preHandler', async (request, reply) => {
    const sessionToken = request.cookies[SESSION_COOKIE];
    const bearer = bearerOf(request.headers.authorization);
    if (!sessionToken && !bearer) return;
    try {
      const resolved = await resolveActor(
        services.database,
        { ...(bearer ? { bearer } : {}), ...(sessionToken ? { sessionToken } : {}) },
        new Date(),
        services.config.SESSION_TTL_HOURS,
      );
      request.actor = resolved?.actor ?? null;
      request.csrfToken = resolved?.csrfToken ?? null;
    } catch (error) {
      if (isAppError(error) && error.code === 'AUTH_SESSION_EXPIRED') clearSessionCookie(reply, request, services.config);
      if (request.routeOptions.config.auth === 'public') return;
      throw error;
    }
  });
}
