import { z } from 'zod';
import { IdParams, NoContent } from './common.js';
import { endpoint } from './endpoint.js';

/** auto: recognised by content (JSON: a USGS GeoJSON feed; Atom or RSS: CAP and GDACS). */
export const FeedKind = z.enum(['auto', 'cap', 'gdacs', 'usgs']);

/**
 * A polled feed of hazards: CAP Atom/RSS indexes, GDACS RSS, USGS real-time GeoJSON. `source` says where it comes
 * from: `config` (EVENT_FEEDS: can be turned off here, not removed) or `app` (added by an administrator).
 */
export const HazardFeed = z
  .object({
    id: z.uuid(),
    url: z.string(),
    name: z.string(),
    kind: FeedKind,
    enabled: z.boolean(),
    source: z.enum(['config', 'app']),
    lastPolledAt: z.iso.datetime().nullable(),
    /** The last poll that could read the feed itself. */
    lastSuccessAt: z.iso.datetime().nullable(),
    /** Entries the feed held at that poll; null before it was first read. */
    lastEntries: z.number().int().nullable(),
    /** Polls in a row that recorded an error (the feed, or one of its entries); 0 after a clean poll. */
    errorCount: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'HazardFeed' });

const FeedUrl = z
  .url({ protocol: /^https?$/, error: 'An http:// or https:// address' })
  .max(2000);

export const AddFeedBody = z
  .object({
    url: FeedUrl,
    name: z.string().trim().max(200).default(''),
    kind: FeedKind.default('auto'),
  })
  .strict()
  .meta({ id: 'AddFeedBody' });

export const UpdateFeedBody = z
  .object({
    enabled: z.boolean().optional(),
    name: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((b) => b.enabled !== undefined || b.name !== undefined, { message: 'Give enabled or name' })
  .meta({ id: 'UpdateFeedBody' });

/** What one poll of the feed did: events created and updated, entries unchanged, failures (the feed, or an entry). */
export const FeedPollResult = z
  .object({
    entries: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.array(z.object({ url: z.string(), error: z.string() })),
    feed: HazardFeed,
  })
  .meta({ id: 'FeedPollResult' });

export const listFeeds = endpoint({
  id: 'listFeeds',
  method: 'GET',
  path: '/api/v1/feeds',
  summary: 'Hazard feeds and how their last polls went (administrators)',
  tag: 'feeds',
  response: z.object({ items: z.array(HazardFeed) }),
  auth: 'user',
});

export const addFeed = endpoint({
  id: 'addFeed',
  method: 'POST',
  path: '/api/v1/feeds',
  summary: 'Add a feed to poll (administrators); 409 FEED_EXISTS when that address is polled already',
  tag: 'feeds',
  body: AddFeedBody,
  response: HazardFeed,
  successStatus: 201,
  auth: 'user',
});

export const updateFeed = endpoint({
  id: 'updateFeed',
  method: 'PATCH',
  path: '/api/v1/feeds/:id',
  summary: 'Turn a feed on or off, or rename it (administrators)',
  tag: 'feeds',
  params: IdParams,
  body: UpdateFeedBody,
  response: HazardFeed,
  auth: 'user',
});

export const deleteFeed = endpoint({
  id: 'deleteFeed',
  method: 'DELETE',
  path: '/api/v1/feeds/:id',
  summary: 'Remove a feed added in the app (administrators); a configured feed can only be turned off (409 FEED_CONFIGURED)',
  tag: 'feeds',
  params: IdParams,
  response: NoContent,
  successStatus: 204,
  auth: 'user',
});

export const pollFeed = endpoint({
  id: 'pollFeed',
  method: 'POST',
  path: '/api/v1/feeds/:id/poll',
  summary: 'Poll a feed now and answer what it did (administrators); its new entries become events at once',
  tag: 'feeds',
  params: IdParams,
  response: FeedPollResult,
  auth: 'user',
});
