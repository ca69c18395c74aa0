import { answerCheckIn as answerEndpoint, getCheckIn as getEndpoint, listEventCheckIns as listEndpoint } from '@safeschools/contract';
import { answerCheckIn } from '../../domain/check-ins/answer-check-in.js';
import { getCheckIn } from '../../domain/check-ins/get-check-in.js';
import { listEventCheckIns } from '../../domain/check-ins/list-event-check-ins.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { registerCheckInPage } from './check-in-page.route.js';
import { CheckInThrottle, isLinkFailure } from './check-in-throttle.js';
import { presentCheckIn, presentEventCheckIns } from './present-check-in.js';

/**
 * Check-ins: the public, token-authenticated link (API and the tiny `/c/<token>` page share one throttle) and the
 * officers' view of an event's answers.
 */
export async function registerCheckInRoutes(app: App, services: Services): Promise<void> {
  const throttle = new CheckInThrottle();
  const guarded = async <T>(ip: string, token: string, run: () => Promise<T>): Promise<T> => {
    throttle.admit(token, Date.now());
    try {
      return await run();
    } catch (error) {
      // Past the address's limit of wrong tokens this throws RATE_LIMITED instead.
      if (isLinkFailure(error)) throttle.failed(ip, Date.now());
      throw error;
    }
  };
  // Public, but only ever the link's own school and event: the token is the credential and names them.
  route(app, services.database, getEndpoint, {
    scope: 'public',
    handler: async ({ ctx, params, request }) => presentCheckIn(await guarded(request.ip, params.token, () => getCheckIn(ctx, params.token))),
  });
  route(app, services.database, answerEndpoint, {
    scope: 'public',
    handler: async ({ ctx, params, body, request }) =>
      presentCheckIn(await guarded(request.ip, params.token, () => answerCheckIn(ctx, params.token, body))),
  });
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'events.read',
    handler: async ({ ctx, params, query }) => presentEventCheckIns(await listEventCheckIns(ctx, params.id, query.silentMinutes)),
  });
  await registerCheckInPage(app, services, throttle);
}
