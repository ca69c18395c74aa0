import { getUser as getEndpoint, inviteUser as inviteEndpoint, listUsers as listEndpoint, updateUser as updateEndpoint } from '@safeschools/contract';
import { INVITATION_DAYS, inviteUser } from '../../domain/users/invite-user.js';
import { sendAccountMail } from '../../domain/users/account-mail.js';
import { getUser, listUsers } from '../../domain/users/list-users.js';
import { updateUser } from '../../domain/users/update-user.js';
import { describeScope } from '../../domain/users/describe-scope.js';
import type { Executor } from '../../db/database.js';
import type { UserRow } from '../../db/users/users.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { publicBaseUrl } from '../public-url.js';
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
    // The invitation is e-mailed only once it is committed, so its own transaction.
    transaction: false,
    handler: async ({ ctx, body, request }) => {
      const { user, token, expiresAt, view } = await database.db.transaction(async (tx) => {
        const invited = await inviteUser({ ...ctx, tx }, body);
        return { ...invited, view: await present(tx, invited.user) };
      });
      const invitationPath = `/accept-invitation?token=${encodeURIComponent(token)}`;
      const site = publicBaseUrl(services.config);
      const mail = await sendAccountMail(services.channels.get('email'), 'invitation', user, { link: site + invitationPath, site, days: INVITATION_DAYS });
      if (!mail.sent && mail.reason === 'failed') request.log.warn({ userId: user.id, code: mail.code }, 'invitation not e-mailed');
      return { user: view, invitationPath, expiresAt: expiresAt.toISOString(), emailed: mail.sent };
    },
  });
  route(app, database, updateEndpoint, {
    scope: 'filtered',
    permission: 'users.manage',
    handler: async ({ ctx, params, body }) => present(ctx.tx, await updateUser(ctx, params.id, body)),
  });
}
