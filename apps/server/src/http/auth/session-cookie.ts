import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';

export const SESSION_COOKIE = 'ss_session';

/** Secure whenever the request arrived over TLS (directly or, with TRUST_PROXY, at the proxy) or PUBLIC_URL is https. */
function secure(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || (config.PUBLIC_URL?.startsWith('https://') ?? false);
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(request, config),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(request, config), path: '/' });
}
