import type { App } from './app-types.js';

/** Whether a route's own Cache-Control keeps the answer out of shared caches: browser only, or nowhere. */
function privateOnly(value: string): boolean {
  const directives = value
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.includes('no-store')) return true;
  return directives.includes('private') && !directives.some((d) => d === 'public' || d.startsWith('s-maxage'));
}

/**
 * API answers to a signed-in caller are `Cache-Control: no-store`: they hold data of the caller's scope, which
 * neither a shared proxy nor the disk cache of a shared school computer should keep. A route may choose its own
 * caching (tiles revalidate with ETags, downloads set their own) as long as it stays private; a public or shared
 * cache directive on such an answer is replaced. Cookies or an Authorization header mark the caller, whether or
 * not they turn out valid (an error may still name the caller's data), and an answer that sets a cookie (sign-in)
 * is treated alike. Anonymous answers (health, the OpenAPI document) keep whatever they set.
 */
export function registerCacheControl(app: App): void {
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const credentials = request.headers.cookie !== undefined || request.headers.authorization !== undefined;
    if (!credentials && !reply.hasHeader('set-cookie')) return;
    const own = reply.getHeader('cache-control');
    if (typeof own === 'string' && privateOnly(own)) return;
    reply.header('cache-control', 'no-store');
  });
}
