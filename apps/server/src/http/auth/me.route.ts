import { listMyOptOuts as listMyOptOutsEndpoint, me, removeMyOptOut as removeMyOptOutEndpoint, updateMe as updateMeEndpoint } from '@safeschools/contract';
import { describeMe } from '../../domain/auth/describe-me.js';
import { updateMe } from '../../domain/auth/update-me.js';
import { getMe } from '../../domain/auth/get-me.js';
import { listMyOptOuts, removeMyOptOut } from '../../domain/consent/my-opt-outs.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentMe } from './present-me.js';

export function registerMeRoutes(app: App, services: Services): void {
  route(app, services.database, me, {
    scope: 'self',
    handler: async ({ ctx, request }) => presentMe(await getMe(ctx, request.csrfToken)),
  });
  route(app, services.database, updateMeEndpoint, {
    scope: 'self',
    handler: async ({ ctx, body, request }) => presentMe(await describeMe(ctx.tx, await updateMe(ctx, body), request.csrfToken)),
  });
  route(app, services.database, listMyOptOutsEndpoint, {
    scope: 'self',
    handler: async ({ ctx }) => ({
      // Allow-list: channel, address, where it came from and when.
      items: (await listMyOptOuts(ctx)).map((o) => ({
        channel: o.channel as 'email' | 'sms' | 'whatsapp',
        address: o.address,
        source: o.source,
        createdAt: o.createdAt.toISOString(),
      })),
    }),
  });
  route(app, services.database, removeMyOptOutEndpoint, {
    scope: 'self',
    handler: async ({ ctx, params }) => {
      await removeMyOptOut(ctx, params.channel);
      return null;
    },
  });
}
