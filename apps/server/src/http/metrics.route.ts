import type { FastifyRequest } from 'fastify';
import { hashSecret, sameSecret } from '../domain/auth/secrets.js';
import type { Services } from '../services.js';
import type { App } from './app-types.js';
import { problemOf, sendProblem } from './problem.js';

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
// Headers a reverse proxy adds. A request carrying any of them came through a proxy, so the loopback address it
// arrives from says nothing about the client; one the client forged itself only gets it refused.
const FORWARDING = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether the caller may read the metrics: with the configured bearer token, or straight from this machine. The
 * socket's own address is used, not `request.ip`: with TRUST_PROXY that is whatever X-Forwarded-For claims, and a
 * client can put 127.0.0.1 there. Tokens are compared as digests so the time taken says nothing, not even the length.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  const given = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (token && given && sameSecret(hashSecret(given), hashSecret(token))) return true;
  const direct = FORWARDING.every((name) => request.headers[name] === undefined);
  return direct && LOOPBACK.test(request.socket.remoteAddress ?? '');
}

/** Prometheus scrape endpoint, plus the request timing hook that feeds it. */
export function registerMetrics(app: App, services: Services): void {
  const { metrics, config } = services;
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { auth: 'public', scope: 'public' }, schema: { hide: true } }, async (request, reply) => {
    // Refused exactly as an unknown path is, so a scanner cannot tell the endpoint exists; the log says why.
    if (!mayReadMetrics(request, config.METRICS_TOKEN)) {
      request.log.info('metrics refused: no valid token and not a direct loopback request');
      return sendProblem(reply, problemOf('ROUTE_NOT_FOUND', request, `${request.method} ${request.url.split('?')[0]}`));
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
