import { readCapFeed, type CapFeedEntry } from '@safeschools/geo';
import type { Database } from '../../db/database.js';
import { enabledFeeds, recordPoll, syncFeeds, type FeedRow } from '../../db/events/feeds.repository.js';
import { AppError, isAppError } from '../shared/app-error.js';
import { systemActor, type Ctx } from '../shared/context.js';
import { capHazard } from './cap-hazard.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { ImpactEngine } from './impact-engine.js';
import { ingestHazard } from './ingest-hazard.js';
import { readHazardFile } from './read-hazard-file.js';

export type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

export interface PollResult {
  feeds: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: { url: string; error: string }[];
}

const FEED_MAX_BYTES = 20 * 1024 * 1024;
const CAP_MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
// Remembered entry ids per feed; feeds carry far fewer at a time, and old entries do not come back.
const SEEN_LIMIT = 2000;

async function download(fetcher: Fetcher, url: string, maxBytes: number): Promise<Uint8Array> {
  const response = await fetcher(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5' } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
  return bytes;
}

/**
 * One feed entry as an event: its embedded alert, or the CAP message it links to. Null when it carries neither.
 * An embedded alert the reader refused is refused here too, as an uploaded file would be; its link is not
 * fetched instead, since it names the same message.
 */
async function ingestEntry(ctx: Ctx, engine: ImpactEngine, fetcher: Fetcher, entry: CapFeedEntry, jobs: JobQueue | null) {
  if (entry.refused) {
    const { code, message } = entry.refused;
    throw new AppError('HAZARD_FILE_INVALID', message, [{ path: 'file', message, code }]);
  }
  if (entry.cap) return ingestHazard(ctx, engine, capHazard({ alert: entry.cap, warnings: entry.capWarnings ?? [] }, {}), { jobs });
  if (entry.capLink) {
    const bytes = await download(fetcher, entry.capLink, CAP_MAX_BYTES);
    return ingestHazard(ctx, engine, readHazardFile(bytes, entry.capLink), { jobs });
  }
  return null;
}

/** The failure as recorded on the feed; for a refused alert, led by the code of the CAP rule it broke. */
function describe(error: unknown): string {
  if (!isAppError(error)) return error instanceof Error ? error.message : String(error);
  const code = error.errors?.[0]?.code ?? error.code;
  return error.detail ? `${code}: ${error.detail}` : code;
}

async function pollFeed(ctx: Ctx, engine: ImpactEngine, fetcher: Fetcher, feed: FeedRow, result: PollResult, jobs: JobQueue | null): Promise<void> {
  const seen = new Set(feed.seenEntries);
  const fresh: string[] = [];
  let failure: string | null = null;
  try {
    const parsed = readCapFeed(await download(fetcher, feed.url, FEED_MAX_BYTES));
    for (const entry of parsed.entries) {
      const key = entry.id || entry.capLink || entry.link || entry.title;
      if (!key || seen.has(key)) continue;
      try {
        const ingested = await ingestEntry(ctx, engine, fetcher, entry, jobs);
        if (ingested?.outcome === 'created') result.created++;
        else if (ingested?.outcome === 'updated' || ingested?.outcome === 'cancelled') result.updated++;
        else result.unchanged++;
        fresh.push(key);
      } catch (error) {
        // A malformed alert will not get better: remember it as seen. A network failure is tried again next time.
        if (isAppError(error)) fresh.push(key);
        failure = `${key}: ${describe(error)}`;
        result.failed.push({ url: feed.url, error: failure });
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    result.failed.push({ url: feed.url, error: failure });
  }
  await recordPoll(ctx.database.db, feed.id, { at: ctx.now, lastError: failure, ...(fresh.length ? { seenEntries: [...feed.seenEntries, ...fresh].slice(-SEEN_LIMIT) } : {}) });
}

/**
 * Polls every configured CAP/GDACS feed once: new entries become events (their impact computed at once), an
 * Update or Cancel changes its event, entries seen before are skipped. One feed failing does not stop the others.
 */
export async function pollFeeds(
  deps: { database: Database; engine: ImpactEngine; urls: readonly string[]; fetcher?: Fetcher; jobs?: JobQueue | null },
  now = new Date(),
): Promise<PollResult> {
  const fetcher = deps.fetcher ?? ((url, init) => fetch(url, init));
  await syncFeeds(deps.database.db, deps.urls);
  const feeds = await enabledFeeds(deps.database.db);
  const ctx: Ctx = { database: deps.database, tx: deps.database.db, actor: systemActor, requestId: `poll-feeds-${now.toISOString()}`, now };
  const result: PollResult = { feeds: feeds.length, created: 0, updated: 0, unchanged: 0, failed: [] };
  for (const feed of feeds) await pollFeed(ctx, deps.engine, fetcher, feed, result, deps.jobs ?? null);
  return result;
}
