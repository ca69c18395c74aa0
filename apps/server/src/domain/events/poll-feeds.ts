import { GeoInputError, readCapFeed, readUsgsFeed, type CapFeedEntry } from '@safeschools/geo';
import type { Database } from '../../db/database.js';
import { findEventByKeys } from '../../db/events/events.repository.js';
import { enabledFeeds, recordPoll, syncFeeds, type FeedRow } from '../../db/events/feeds.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { AppError, isAppError } from '../shared/app-error.js';
import { systemActor, type Ctx } from '../shared/context.js';
import { capHazard } from './cap-hazard.js';
import { estimateHazard } from './estimate-hazard.js';
import { gdacsApproximateHazard, gdacsFamilyKey } from './gdacs-hazard.js';
import type { ImpactEngine } from './impact-engine.js';
import { ingestHazard, type IngestResult } from './ingest-hazard.js';
import type { ParsedHazard } from './parsed-hazard.js';
import { readHazardFile } from './read-hazard-file.js';

export type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

export interface PollResult {
  feeds: number;
  /** Entries the feeds held (read or not before). */
  entries: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: { url: string; error: string }[];
}

export interface PollDeps {
  database: Database;
  engine: ImpactEngine;
  fetcher?: Fetcher;
  jobs?: JobQueue | null;
}

const FEED_MAX_BYTES = 20 * 1024 * 1024;
const CAP_MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
// A CAP link that fails is tried once more in the same poll, after this pause, before the entry's own fields are used.
const RETRY_PAUSE_MS = 500;
// Remembered entry ids per feed; feeds carry far fewer at a time, and old entries do not come back.
const SEEN_LIMIT = 2000;
const ACCEPT = 'application/atom+xml, application/rss+xml, application/cap+xml, application/geo+json, application/json;q=0.9, application/xml;q=0.9, */*;q=0.5';

async function download(fetcher: Fetcher, url: string, maxBytes: number): Promise<Uint8Array> {
  const response = await fetcher(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: ACCEPT } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
  return bytes;
}

async function downloadTwice(fetcher: Fetcher, url: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await download(fetcher, url, maxBytes);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    return download(fetcher, url, maxBytes);
  }
}

/** The failure as recorded on the feed; for a refused alert, led by the code of the rule it broke. */
function describe(error: unknown): string {
  if (error instanceof GeoInputError) return `${error.code}: ${error.message}`;
  if (!isAppError(error)) return error instanceof Error ? error.message : String(error);
  const code = error.errors?.[0]?.code ?? error.code;
  return error.detail ? `${code}: ${error.detail}` : code;
}

interface EntryOutcome {
  ingested: IngestResult | null;
  /** Recorded on the feed although the entry became an event (its CAP message could not be had). */
  problem?: string;
}

/**
 * One feed entry as an event: its embedded alert, or the CAP message it links to. A GDACS entry whose CAP message
 * cannot be fetched (after one retry) or is refused still becomes an event from its own fields (gdacs-hazard.ts),
 * and the failure is recorded on the feed; any other such entry fails as before. Null when it carries nothing.
 */
async function ingestEntry(ctx: Ctx, deps: PollDeps, fetcher: Fetcher, entry: CapFeedEntry): Promise<EntryOutcome> {
  const jobs = deps.jobs ?? null;
  const ingest = (parsed: ParsedHazard) => ingestHazard(ctx, deps.engine, parsed, { jobs });
  const family = entry.gdacs ? gdacsFamilyKey(entry.gdacs) : null;
  // A GDACS CAP message joins the events of its GDACS event (other episodes, or the approximate event it replaces).
  const withFamily = async (parsed: ParsedHazard): Promise<ParsedHazard> => {
    if (!family || parsed.cancels) return parsed;
    const known = await findEventByKeys(ctx.database.db, [family]);
    return { ...parsed, familyKeys: [...parsed.familyKeys, family], updates: known ? [...parsed.updates, family] : parsed.updates };
  };
  const fallback = async (error: unknown): Promise<EntryOutcome> => {
    const why = describe(error);
    const approximate = gdacsApproximateHazard(entry, why);
    if (!approximate) throw error;
    return { ingested: await ingest(approximate), problem: `CAP message unavailable: ${why}` };
  };
  if (entry.refused) {
    const { code, message } = entry.refused;
    return fallback(new AppError('HAZARD_FILE_INVALID', message, [{ path: 'file', message, code }]));
  }
  if (entry.cap) return { ingested: await ingest(await withFamily(capHazard({ alert: entry.cap, warnings: entry.capWarnings ?? [] }, {}))) };
  if (entry.capLink) {
    let parsed: ParsedHazard;
    try {
      parsed = readHazardFile(await downloadTwice(fetcher, entry.capLink, CAP_MAX_BYTES), entry.capLink);
    } catch (error) {
      return fallback(error);
    }
    return { ingested: await ingest(await withFamily(parsed)) };
  }
  if (entry.gdacs) {
    const approximate = gdacsApproximateHazard(entry, 'the entry links no CAP message');
    if (approximate) return { ingested: await ingest(approximate) };
  }
  return { ingested: null };
}

function count(result: PollResult, ingested: IngestResult | null): void {
  if (ingested?.outcome === 'created') result.created++;
  else if (ingested?.outcome === 'updated' || ingested?.outcome === 'cancelled') result.updated++;
  else result.unchanged++;
}

/** A feed of JSON is a USGS GeoJSON feed; anything else is read as Atom or RSS (CAP, GDACS). */
function isUsgs(feed: FeedRow, bytes: Uint8Array): boolean {
  if (feed.kind === 'usgs') return true;
  if (feed.kind !== 'auto') return false;
  const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  return first === 0x7b; // '{'
}

async function pollFeed(ctx: Ctx, deps: PollDeps, fetcher: Fetcher, feed: FeedRow, result: PollResult): Promise<void> {
  const seen = new Set(feed.seenEntries);
  const fresh: string[] = [];
  let failure: string | null = null;
  let entries: number | null = null;
  const failed = (error: string) => {
    failure = error;
    result.failed.push({ url: feed.url, error });
  };
  try {
    const bytes = await download(fetcher, feed.url, FEED_MAX_BYTES);
    if (isUsgs(feed, bytes)) {
      const parsed = readUsgsFeed(bytes);
      entries = parsed.entries.length;
      for (const quake of parsed.entries) {
        // A revision of the entry (a newer `updated`) is new: it updates the estimate.
        const key = `${quake.sourceId}@${quake.updated}`;
        if (seen.has(key)) continue;
        try {
          count(result, await ingestHazard(ctx, deps.engine, estimateHazard(quake, 'usgs'), { jobs: deps.jobs ?? null }));
          fresh.push(key);
        } catch (error) {
          failed(`${quake.sourceId}: ${describe(error)}`);
        }
      }
    } else {
      const parsed = readCapFeed(bytes);
      entries = parsed.entries.length;
      for (const entry of parsed.entries) {
        const key = entry.id || entry.capLink || entry.link || entry.title;
        if (!key || seen.has(key)) continue;
        try {
          const outcome = await ingestEntry(ctx, deps, fetcher, entry);
          count(result, outcome.ingested);
          fresh.push(key);
          if (outcome.problem) failed(`${key}: ${outcome.problem}`);
        } catch (error) {
          // A malformed alert will not get better: remember it as seen. A network failure is tried again next time.
          if (isAppError(error)) fresh.push(key);
          failed(`${key}: ${describe(error)}`);
        }
      }
    }
    result.entries += entries;
  } catch (error) {
    failed(describe(error));
  }
  await recordPoll(ctx.database.db, feed.id, {
    at: ctx.now,
    lastError: failure,
    entries,
    ...(fresh.length ? { seenEntries: [...feed.seenEntries, ...fresh].slice(-SEEN_LIMIT) } : {}),
  });
}

const emptyResult = (feeds: number): PollResult => ({ feeds, entries: 0, created: 0, updated: 0, unchanged: 0, failed: [] });

/**
 * Polls every enabled feed once (those of EVENT_FEEDS and those added in the app): new entries become events
 * (their impact computed at once), an Update or Cancel changes its event, an earthquake entry becomes an
 * estimated event, entries seen before are skipped. One feed failing does not stop the others.
 */
export async function pollFeeds(deps: PollDeps & { urls: readonly string[] }, now = new Date()): Promise<PollResult> {
  const fetcher = deps.fetcher ?? ((url, init) => fetch(url, init));
  await syncFeeds(deps.database.db, deps.urls);
  const feeds = await enabledFeeds(deps.database.db);
  const ctx: Ctx = { database: deps.database, tx: deps.database.db, actor: systemActor, requestId: `poll-feeds-${now.toISOString()}`, now };
  const result = emptyResult(feeds.length);
  for (const feed of feeds) await pollFeed(ctx, deps, fetcher, feed, result);
  return result;
}

/** Polls one feed now, enabled or not, as the caller of ctx (an administrator's "poll now"). */
export async function pollOneFeed(ctx: Ctx, deps: PollDeps, feed: FeedRow): Promise<PollResult> {
  const fetcher = deps.fetcher ?? ((url, init) => fetch(url, init));
  const result = emptyResult(1);
  await pollFeed({ ...ctx, tx: ctx.database.db }, deps, fetcher, feed, result);
  return result;
}
