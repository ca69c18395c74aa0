import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(on: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await on.insert(sessions).values(row);
}

export async function findSessionByHash(on: Executor, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await on.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

/** Sliding expiry, written at most once a minute per session to keep reads cheap. */
export async function touchSession(on: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await on
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`)));
}

export async function deleteSession(on: Executor, id: string): Promise<void> {
  await on.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(on: Executor, userId: string): Promise<void> {
  await on.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(on: Executor, now: Date): Promise<void> {
  await on.delete(sessions).where(lt(sessions.expiresAt, now));
}
