import { getUser as getEndpoint, inviteUser as inviteEndpoint, listUsers as listEndpoint, updateUser as updateEndpoint } from '@safeschools/contract';
import { inviteUser } from '../../domain/users/invite-user.js';
import { getUser, listUsers } from '../../domain/users/list-users.js';
import { updateUser } from '../../domain/users/update-user.js';
import { describeScope } from '../../domain/users/describe-scope.js';
import type { Executor } from '../../db/database.js';
import type { UserRow } from '../../db/users/users.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentUser } from './present-user.js';

async function present(on: Executor, user: UserRow) {
  return presentUser(user, await describeScope(on, user));
}

export function registerUserRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'users.manage',
    handler: async ({ ctx, query }) => {
      const page = await listUsers(ctx, query);
      return { ...page, items: await Promise.all(page.items.map((u) => present(ctx.tx, u))) };
    },
  });
  route(app, database, getEndpoint, {
    scope: 'filtered',
    permission: 'users.manage',
    handler: async ({ ctx, params }) => present(ctx.tx, await getUser(ctx, params.id)),
  });
  route(app, database, inviteEndpoint, {
    scope: 'filtered',
    permission: 'users.manage',
    handler: async ({ ctx, body }) => {
      const { user, token, expiresAt } = await inviteUser(ctx, body);
      return {
        user: await present(ctx.tx, user),
        invitationPath: `/accept-invitation?token=${encodeURIComponent(token)}`,
        expiresAt: expiresAt.toISOString(),
      };
    },
  });
  route(app, database, updateEndpoint, {
    scope: 'filtered',
    permission: 'users.manage',
    handler: async ({ ctx, params, body }) => present(ctx.tx, await updateUser(ctx, params.id, body)),
  });
}
