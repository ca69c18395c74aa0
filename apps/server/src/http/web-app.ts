import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config/config.js';
import type { App } from './app-types.js';
import { problemOf, sendProblem } from './problem.js';

const defaultDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built web app beside the API. Unknown non-API paths get index.html so the client router can
 * answer deep links; unknown API paths stay problem+json.
 */
export async function registerWebApp(app: App, config: Config): Promise<void> {
  const root = path.resolve(config.WEB_DIST ?? defaultDist);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; serving the API only (run npm run build)');
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], maxAge: 0 });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || url.startsWith('/api') || url === '/metrics' || path.extname(url) !== '') {
      return sendProblem(reply, problemOf('ROUTE_NOT_FOUND', request, `${request.method} ${url}`));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
