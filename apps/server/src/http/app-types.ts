import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../domain/shared/context.js';
import type { RegisteredRoute, ScopeRule } from './route.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
> & {
  registeredRoutes: RegisteredRoute[];
  /** Every API route with its scope rule, as registered; the scope test suite walks it. */
  routeTable: { method: string; url: string; scope: ScopeRule }[];
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    auth?: 'public' | 'user';
    scope?: ScopeRule;
  }
}
