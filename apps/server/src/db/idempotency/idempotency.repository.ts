import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { idempotencyKeys } from '../schema.js';

export type StoredResponse = typeof idempotencyKeys.$inferSelect;

export async function findStoredResponse(on: Executor, actorId: string, key: string): Promise<StoredResponse | undefined> {
  const rows = await on
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0];
}

export async function storeResponse(on: Executor, row: typeof idempotencyKeys.$inferInsert): Promise<void> {
  await on.insert(idempotencyKeys).values(row);
}

export async function deleteStoredResponsesBefore(on: Executor, before: Date): Promise<void> {
  await on.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
