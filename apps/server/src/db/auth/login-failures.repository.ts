import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { loginFailures } from '../schema.js';

export async function countRecentFailures(on: Executor, key: string, since: Date): Promise<number> {
  const rows = await on
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
  return rows[0]?.n ?? 0;
}

export async function recordFailures(on: Executor, keys: readonly string[], at: Date): Promise<void> {
  if (keys.length) await on.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

export async function clearFailures(on: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length) await on.delete(loginFailures).where(inArray(loginFailures.key, [...keys]));
}

export async function deleteFailuresBefore(on: Executor, before: Date): Promise<void> {
  await on.delete(loginFailures).where(lt(loginFailures.at, before));
}
