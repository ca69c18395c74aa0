import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../database.js';
import { hazardFeeds } from '../schema.js';

export type FeedRow = typeof hazardFeeds.$inferSelect;
export type FeedKind = 'auto' | 'cap' | 'gdacs' | 'usgs';

/**
 * Makes sure every configured feed (EVENT_FEEDS) has a row, keeping what it has seen and whether an administrator
 * turned it off. A configured feed no longer in the configuration is removed (an app feed never is); should it
 * come back, the alerts it already delivered are recognised by their keys and are not made into events twice.
 */
export async function syncFeeds(on: Executor, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    await on.insert(hazardFeeds).values({ id: uuidv7(), url, enabled: true, source: 'config' }).onConflictDoNothing({ target: hazardFeeds.url });
  }
  const keep = `{${urls.map((u) => `"${u.replaceAll('"', '')}"`).join(',')}}`;
  await on.delete(hazardFeeds).where(and(eq(hazardFeeds.source, 'config'), sql`NOT (${hazardFeeds.url} = ANY(${keep}::text[]))`));
}

export async function enabledFeeds(on: Executor): Promise<FeedRow[]> {
  return on.select().from(hazardFeeds).where(eq(hazardFeeds.enabled, true)).orderBy(hazardFeeds.url);
}

export async function listFeeds(on: Executor): Promise<FeedRow[]> {
  return on.select().from(hazardFeeds).orderBy(asc(hazardFeeds.source), asc(hazardFeeds.url));
}

export async function findFeed(on: Executor, id: string): Promise<FeedRow | undefined> {
  const rows = await on.select().from(hazardFeeds).where(eq(hazardFeeds.id, id)).limit(1);
  return rows[0];
}

export async function findFeedByUrl(on: Executor, url: string): Promise<FeedRow | undefined> {
  const rows = await on.select().from(hazardFeeds).where(eq(hazardFeeds.url, url)).limit(1);
  return rows[0];
}

export async function insertFeed(on: Executor, row: { id: string; url: string; name: string; kind: FeedKind; createdBy: string | null }): Promise<FeedRow> {
  const rows = await on
    .insert(hazardFeeds)
    .values({ ...row, enabled: true, source: 'app' })
    .onConflictDoNothing({ target: hazardFeeds.url })
    .returning();
  return rows[0] as FeedRow;
}

export async function updateFeed(on: Executor, id: string, changes: { enabled?: boolean; name?: string }): Promise<FeedRow | undefined> {
  const rows = await on
    .update(hazardFeeds)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(hazardFeeds.id, id))
    .returning();
  return rows[0];
}

export async function deleteAppFeed(on: Executor, id: string): Promise<boolean> {
  const rows = await on
    .delete(hazardFeeds)
    .where(and(eq(hazardFeeds.id, id), eq(hazardFeeds.source, 'app')))
    .returning({ id: hazardFeeds.id });
  return rows.length > 0;
}

/**
 * What one poll found. `entries` is null when the feed itself could not be read; then `lastSuccessAt` stays.
 * `error_count` counts polls in a row that recorded an error, and starts again at 0 after a clean poll.
 */
export async function recordPoll(
  on: Executor,
  id: string,
  changes: { seenEntries?: string[]; lastError: string | null; at: Date; entries: number | null },
): Promise<void> {
  await on
    .update(hazardFeeds)
    .set({
      lastPolledAt: changes.at,
      lastError: changes.lastError,
      errorCount: changes.lastError === null ? 0 : sql`${hazardFeeds.errorCount} + 1`,
      ...(changes.entries !== null ? { lastSuccessAt: changes.at, lastEntries: changes.entries } : {}),
      updatedAt: sql`now()`,
      ...(changes.seenEntries ? { seenEntries: changes.seenEntries } : {}),
    })
    .where(eq(hazardFeeds.id, id));
}
