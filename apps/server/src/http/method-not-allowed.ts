import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { App } from './app-types.js';
import { problemOf, sendProblem } from './problem.js';

// The methods API routes are registered with; HEAD comes with every GET. OPTIONS is answered here, for any path
// that has a route, since no route registers it.
const ROUTED: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The methods the router takes for this request's path, asked of the router itself so that path parameters
 * (`/api/v1/schools/:id`) match as they do for real requests. Empty when no route has the path at all.
 */
export function allowedMethods(app: App, url: string): HTTPMethods[] {
  const allowed = ROUTED.filter((method) => {
    // The typings promise a result; at run time an unmatched path gives null.
    const found: unknown = app.findRoute({ method, url });
    return found !== null && found !== undefined;
  });
  return allowed.length > 0 ? [...allowed, 'OPTIONS'] : [];
}

/**
 * An API path that exists but not with this method: 405 with `Allow` (RFC 9110 §15.5.6), or, for OPTIONS, 204
 * with `Allow`. Returns null when the path is unknown, which stays a 404. Only `/api/` paths are answered so: the
 * web app's files keep their plain 404, and `/metrics` stays indistinguishable from an unknown path to those
 * who may not read it.
 */
export function answerOtherMethod(app: App, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith('/api/')) return null;
  const allowed = allowedMethods(app, request.url);
  if (allowed.length === 0) return null;
  reply.header('allow', allowed.join(', '));
  if (request.method === 'OPTIONS') return reply.status(204).send();
  return sendProblem(
    reply,
    problemOf('METHOD_NOT_ALLOWED', request, `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}.`),
  );
}
