import { uuidv7 } from 'uuidv7';
import { insertAudit } from '../../db/audit/audit.repository.js';
import type { Ctx } from './context.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  beforeVersion?: number | null;
  afterVersion?: number | null;
  /** Ids and codes only: never passwords, tokens or children's personal data. */
  details?: Record<string, unknown>;
}

/** Counts audit rows per request so the HTTP edge can refuse a write that forgot to audit itself. */
export class AuditTrail {
  count = 0;
}

export async function audit(ctx: Ctx & { trail?: AuditTrail }, entry: AuditEntry): Promise<void> {
  await insertAudit(ctx.tx, {
    id: uuidv7(),
    at: ctx.now,
    actorId: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    beforeVersion: entry.beforeVersion ?? null,
    afterVersion: entry.afterVersion ?? null,
    requestId: ctx.requestId,
    details: entry.details ?? {},
  });
  if (ctx.trail) ctx.trail.count += 1;
}
