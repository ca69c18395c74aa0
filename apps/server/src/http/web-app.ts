import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import type { App } from './app-types.js';

const defaultDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app beside the API. Returns false when there is no build (the API still works). */
export async function registerWebApp(app: App, config: Config): Promise<boolean> {
  const root = path.resolve(config.WEB_DIST ?? defaultDist);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built; serving the API only (run npm run build)');
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // Hashed assets may be cached for ever; the shell and service worker must be revalidated to update.
    // @fastify/static 10 hands the Fastify reply here, not the raw response.
    setHeaders: (reply: FastifyReply, file: string) => {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
    cacheControl: false,
  });
  return true;
}

/** Deep links (`/users`, `/accept-invitation?token=…`) get the app shell so the client router can answer them. */
export function isAppShellRequest(request: FastifyRequest): boolean {
  const url = request.url.split('?')[0] ?? '/';
  // `/c/<token>` is the server-rendered check-in page, never the app shell (a malformed one stays a plain 404).
  return request.method === 'GET' && !url.startsWith('/api') && !url.startsWith('/c/') && url !== '/metrics' && path.extname(url) === '';
}

export function sendAppShell(reply: FastifyReply): FastifyReply {
  return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
}
