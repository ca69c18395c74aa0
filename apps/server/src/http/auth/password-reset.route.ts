import { confirmPasswordReset as confirmEndpoint, requestPasswordReset as requestEndpoint } from '@safeschools/contract';
import { confirmPasswordReset } from '../../domain/auth/confirm-password-reset.js';
import { requestPasswordReset } from '../../domain/auth/request-password-reset.js';
import { sendAccountMail } from '../../domain/users/account-mail.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { publicBaseUrl } from '../public-url.js';
import { route } from '../route.js';

export function registerPasswordResetRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, requestEndpoint, {
    scope: 'public',
    // Attempts must count even when refused; the reset row and its audit have their own transaction, and an
    // unknown address writes no audit row at all (there is nothing to audit, and the answer must not differ).
    transaction: false,
    auditExempt: true,
    handler: async ({ ctx, body, request }) => {
      const issued = await requestPasswordReset(ctx, { email: body.email, ip: request.ip });
      if (issued) {
        const site = publicBaseUrl(services.config);
        const link = `${site}/reset-password?token=${encodeURIComponent(issued.token)}`;
        // Sent after the answer, so the time to answer does not tell whether the account exists.
        void sendAccountMail(services.channels.get('email'), 'passwordReset', issued.user, { link, site }).then((mail) => {
          if (!mail.sent) request.log.warn({ userId: issued.user.id, reason: mail.reason, code: mail.code }, 'password reset not e-mailed');
        });
      }
      return null;
    },
  });
  route(app, database, confirmEndpoint, {
    scope: 'public',
    handler: async ({ ctx, body }) => {
      await confirmPasswordReset(ctx, body);
      return null;
    },
  });
}
