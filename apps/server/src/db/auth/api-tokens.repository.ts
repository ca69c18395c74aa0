import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { apiTokens } from '../schema.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(on: Executor, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const rows = await on.insert(apiTokens).values(row).returning();
  return rows[0]!;
}

export async function findApiTokenByHash(on: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const rows = await on
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return rows[0];
}

export async function listApiTokensOf(on: Executor, userId: string): Promise<ApiTokenRow[]> {
  return on
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiTokenOf(on: Executor, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await on
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function markApiTokenUsed(on: Executor, id: string, now: Date): Promise<void> {
  await on.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}
