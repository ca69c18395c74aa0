import { and, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { loginFailures } from '../schema.js';

/**
 * When the key's `n`-th most recent failure after `since` happened, or null when it has fewer than `n`. While
 * that failure is inside the window the key has reached its limit of `n`; it frees a slot when that one ages out.
 */
export async function nthRecentFailureAt(on: Executor, key: string, since: Date, n: number): Promise<Date | null> {
  const rows = await on
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .offset(n - 1)
    .limit(1);
  return rows[0]?.at ?? null;
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
