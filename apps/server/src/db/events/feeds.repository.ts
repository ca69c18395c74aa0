import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../database.js';
import { hazardFeeds } from '../schema.js';

export type FeedRow = typeof hazardFeeds.$inferSelect;

/** Makes sure every configured feed has a row (keeping what it has seen); feeds no longer configured are disabled. */
export async function syncFeeds(on: Executor, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    await on.insert(hazardFeeds).values({ id: uuidv7(), url, enabled: true }).onConflictDoUpdate({ target: hazardFeeds.url, set: { enabled: true, updatedAt: sql`now()` } });
  }
  const keep = `{${urls.map((u) => `"${u.replaceAll('"', '')}"`).join(',')}}`;
  await on.update(hazardFeeds).set({ enabled: false, updatedAt: sql`now()` }).where(and(eq(hazardFeeds.enabled, true), sql`NOT (${hazardFeeds.url} = ANY(${keep}::text[]))`));
}

export async function enabledFeeds(on: Executor): Promise<FeedRow[]> {
  return on.select().from(hazardFeeds).where(eq(hazardFeeds.enabled, true)).orderBy(hazardFeeds.url);
}

export async function recordPoll(on: Executor, id: string, changes: { seenEntries?: string[]; lastError: string | null; at: Date }): Promise<void> {
  await on
    .update(hazardFeeds)
    .set({ lastPolledAt: changes.at, lastError: changes.lastError, updatedAt: sql`now()`, ...(changes.seenEntries ? { seenEntries: changes.seenEntries } : {}) })
    .where(eq(hazardFeeds.id, id));
}
