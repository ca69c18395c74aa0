import { listAuditRows, type AuditRow } from '../../db/audit/audit.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor, encodeSyncCursor } from '../shared/cursor.js';

/**
 * The whole audit log, for administrators only for now: entries name people and records across every area, and
 * filtering them by area needs each entry's area, which the log does not keep yet.
 */
export async function listAudit(
  ctx: Ctx,
  query: { entity?: string; entityId?: string; cursor?: string; since?: string; limit: number },
): Promise<{ items: AuditRow[]; nextCursor: string | null; syncCursor: string }> {
  const actor = requirePermission(ctx, 'audit.read');
  if (actor.scope.kind !== 'all') throw new AppError('FORBIDDEN', 'Only administrators can read the whole audit log.');
  if (query.since !== undefined) throw new AppError('VALIDATION_FAILED', 'The audit log is read by page, not by sync cursor.');
  const rows = await listAuditRows(ctx.tx, {
    limit: query.limit,
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.cursor ? { beforeId: decodePageCursor(query.cursor) } : {}),
  });
  const last = rows.at(-1);
  return { items: rows, nextCursor: rows.length === query.limit && last ? encodePageCursor(last.id) : null, syncCursor: encodeSyncCursor(0) };
}
