import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { uuidv7 } from 'uuidv7';
import type { Services } from '../services.js';
import type { App } from './app-types.js';
import { errorToProblem, problemOf, sendProblem } from './problem.js';
import { registerOpenApi } from './openapi.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerCacheControl } from './cache-control.js';
import { registerAuthentication } from './auth/authenticate.js';
import { registerCsrfCheck } from './auth/csrf-check.js';
import { registerRoutes } from './routes.js';
import { isAppShellRequest, registerWebApp, sendAppShell } from './web-app.js';
import { registerMetrics } from './metrics.route.js';
import { answerOtherMethod } from './method-not-allowed.js';
import type { FastifyBaseLogger } from 'fastify';

export interface BuildAppOptions {
  /** A logger to use instead of the default JSON logger (tests pass a silent one). */
  logger?: FastifyBaseLogger | boolean;
}

/** The whole HTTP surface: API, OpenAPI document, metrics and the built web app, on one port. */
export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<App> {
  const { config } = services;
  const fastify = Fastify({
    ...(options.logger !== undefined && typeof options.logger !== 'boolean'
      ? { loggerInstance: options.logger }
      : { logger: options.logger === false ? false : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] } }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(given) ? given : uuidv7();
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.MAX_BODY_KB * 1024,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });
  const app = fastify.withTypeProvider() as unknown as App;
  app.registeredRoutes = [];
  app.routeTable = [];
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  // A route that reaches data must say how it keeps to the caller's scope; forgetting is a start-up error.
  app.addHook('onRoute', (options) => {
    const url = options.url ?? '';
    if (!url.startsWith('/api') && url !== '/metrics') return;
    const scope = options.config?.scope;
    if (!scope) throw new Error(`route ${String(options.method)} ${url} has no scope rule`);
    for (const method of [options.method].flat()) if (method !== 'HEAD') app.routeTable.push({ method, url, scope });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = errorToProblem(error as Error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code }, 'request refused');
    return sendProblem(reply, problem);
  });

  await app.register(cookie);
  registerCacheControl(app);
  await registerSecurityHeaders(app, config);
  await registerOpenApi(app, services);
  registerAuthentication(app, services);
  registerCsrfCheck(app);
  registerMetrics(app, services);
  await registerRoutes(app, services);
  const webApp = await registerWebApp(app, config);
  app.setNotFoundHandler(
    (request, reply) =>
      answerOtherMethod(app, request, reply) ??
      (webApp && isAppShellRequest(request)
        ? sendAppShell(reply)
        : sendProblem(reply, problemOf('ROUTE_NOT_FOUND', request, `${request.method} ${request.url.split('?')[0]}`))),
  );
  return app;
}
