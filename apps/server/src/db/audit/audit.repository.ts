import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { auditLog } from '../schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export async function insertAudit(on: Executor, row: typeof auditLog.$inferInsert): Promise<void> {
  await on.insert(auditLog).values(row);
}

export async function listAuditRows(
  on: Executor,
  filter: { entity?: string; entityId?: string; beforeId?: string; limit: number },
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  // UUIDv7 ids sort by time, so the id is the page cursor.
  if (filter.beforeId) where.push(lt(auditLog.id, filter.beforeId));
  return on
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
