import type { Permission, Role, Scope } from '@safeschools/domain';
import { can } from '@safeschools/domain';
import type { Database, Executor } from '../../db/database.js';
import { AppError } from './app-error.js';

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly scope: Scope;
  readonly via: 'session' | 'token' | 'system';
  readonly sessionId?: string;
  readonly tokenId?: string;
}

/**
 * What every use case receives: where to read and write (`tx` is the request's transaction for writes, the
 * database for reads), who is acting, and the request id that ties audit rows to log lines.
 */
export interface Ctx {
  readonly database: Database;
  readonly tx: Executor;
  readonly actor: Actor | null;
  readonly requestId: string;
  readonly now: Date;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('AUTH_REQUIRED');
  return ctx.actor;
}

export function requirePermission(ctx: Ctx, permission: Permission): Actor {
  const actor = requireActor(ctx);
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', `Your role may not do this (${permission}).`);
  return actor;
}

/** The actor used by start-up tasks and the CLI when no person is signed in. */
export const systemActor: Actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'administrator', scope: { kind: 'all' }, via: 'system' };
