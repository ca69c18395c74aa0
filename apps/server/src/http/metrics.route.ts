import type { Services } from '../services.js';
import type { App } from './app-types.js';

/** Prometheus scrape endpoint, plus the request timing hook that feeds it. */
export function registerMetrics(app: App, services: Services): void {
  const { metrics } = services;
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { auth: 'public', scope: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
