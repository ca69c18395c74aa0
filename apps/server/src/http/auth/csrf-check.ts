import { AppError } from '../../domain/shared/app-error.js';
import { sameSecret } from '../../domain/auth/secrets.js';
import type { App } from '../app-types.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token` (synchroniser token). Bearer
 * tokens are not sent by browsers on their own, so token-authenticated writes need none.
 */
export function registerCsrfCheck(app: App): void {
  app.addHook('preHandler', async (request) => {
    if (safeMethods.has(request.method) || request.actor?.via !== 'session') return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent === '') throw new AppError('CSRF_TOKEN_MISSING', 'Send the X-CSRF-Token header with every change.');
    if (!request.csrfToken || !sameSecret(sent, request.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
  });
}
