import { createHash } from 'node:crypto';
import type { Endpoint, ResponseOf } from '@safeschools/contract';
import type { Permission } from '@safeschools/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../domain/shared/app-error.js';
import { AuditTrail } from '../domain/shared/audit.js';
import { requirePermission, type Ctx } from '../domain/shared/context.js';
import type { Database } from '../db/database.js';
import { priorResponse, rememberResponse, type IdempotentRequest } from '../domain/shared/idempotency.js';
import type { App } from './app-types.js';
import { responseSchemas } from './response-schemas.js';

/**
 * How a route keeps to the caller's geographic scope. Every route must declare one; registering a route
 * without it fails at start-up, and the scope test suite fails when a declared route has no out-of-scope probe.
 * - `public`: reveals nothing about schools, areas or people (health, login).
 * - `self`: touches only the caller's own account.
 * - `filtered`: every row it reads or writes passes the scope filter in `db/scope/`.
 */
export type ScopeRule = 'public' | 'self' | 'filtered';

export interface HandlerInput<E extends Endpoint> {
  params: E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.output<P> : never;
  query: E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.output<Q> : never;
  body: E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.output<B> : never;
  ctx: Ctx & { trail: AuditTrail };
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteOptions<E extends Endpoint> {
  scope: ScopeRule;
  permission?: Permission;
  /** Writes run in one transaction by default; a route that must keep rows written before it fails opts out. */
  transaction?: boolean;
  /** Writes must record an audit entry unless they only touch the caller's session. */
  auditExempt?: boolean;
  handler: (input: HandlerInput<E>) => Promise<ResponseOf<E>> | ResponseOf<E>;
}

export interface RegisteredRoute {
  endpoint: Endpoint;
  scope: ScopeRule;
  permission?: Permission;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

export function route<E extends Endpoint>(app: App, database: Database, ep: E, options: RouteOptions<E>): void {
  const isWrite = ep.method !== 'GET';
  const transactional = isWrite && options.transaction !== false;
  app.registeredRoutes.push({ endpoint: ep, scope: options.scope, ...(options.permission ? { permission: options.permission } : {}) });
  app.route({
    method: ep.method,
    url: ep.path,
    config: { auth: ep.auth, scope: options.scope },
    schema: {
      operationId: ep.id,
      summary: ep.summary,
      tags: [ep.tag],
      ...(ep.params ? { params: ep.params } : {}),
      ...(ep.query ? { querystring: ep.query } : {}),
      ...(ep.body ? { body: ep.body } : {}),
      ...(ep.auth === 'user' ? { security: [{ session: [] }, { token: [] }] } : {}),
      response: responseSchemas(ep),
    },
    handler: async (request, reply) => {
      const base = {
        database,
        actor: request.actor,
        requestId: request.id,
        now: new Date(),
        trail: new AuditTrail(),
      };
      if (ep.auth === 'user' && !request.actor) throw new AppError('AUTH_REQUIRED');
      if (options.permission) requirePermission({ ...base, tx: database.db }, options.permission);
      reply.status(ep.successStatus ?? 200);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
      } as Omit<HandlerInput<E>, 'ctx'>;
      if (!isWrite) return options.handler({ ...input, ctx: { ...base, tx: database.db } });

      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new AppError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 8-200 letters, digits or _.:-');
      }
      const actorId = request.actor?.userId;
      const idem: IdempotentRequest | null =
        key && actorId ? { actorId, key, method: ep.method, path: request.url, hash: requestHash(request) } : null;
      if (!transactional) return untransactedWrite(ep, options, input, base, database, idem);
      return database.db.transaction(async (tx) => {
        const ctx = { ...base, tx };
        const prior = idem ? await priorResponse(tx, idem) : null;
        if (prior) {
          reply.status(prior.status).header('idempotent-replayed', 'true');
          return prior.body as ResponseOf<E>;
        }
        const result = await options.handler({ ...input, ctx });
        if (ctx.trail.count === 0 && !options.auditExempt) {
          throw new Error(`write route ${ep.id} finished without an audit entry`);
        }
        if (idem) await rememberResponse(tx, idem, reply.statusCode, result);
        return result;
      });
    },
  });
}

/**
 * A write that manages its own transactions (uploads, imports, events): the key is checked before and the
 * answer remembered after, outside the write's transactions. A retry that arrives while the first attempt is
 * still running is not caught here; such use cases also de-duplicate by content (file digest, alert id).
 */
async function untransactedWrite<E extends Endpoint>(
  ep: E,
  options: RouteOptions<E>,
  input: Omit<HandlerInput<E>, 'ctx'>,
  base: Omit<HandlerInput<E>['ctx'], 'tx'>,
  database: Database,
  idem: IdempotentRequest | null,
): Promise<ResponseOf<E>> {
  const prior = idem ? await priorResponse(database.db, idem) : null;
  if (prior) {
    input.reply.status(prior.status).header('idempotent-replayed', 'true');
    return prior.body as ResponseOf<E>;
  }
  const ctx = { ...base, tx: database.db };
  const result = await options.handler({ ...input, ctx });
  if (ctx.trail.count === 0 && !options.auditExempt) {
    throw new Error(`write route ${ep.id} finished without an audit entry`);
  }
  if (idem) await rememberResponse(database.db, idem, input.reply.statusCode, result);
  return result;
}
