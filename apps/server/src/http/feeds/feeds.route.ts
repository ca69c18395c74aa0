import { addFeed as addEndpoint, deleteFeed as deleteEndpoint, listFeeds as listEndpoint, pollFeed as pollEndpoint, updateFeed as updateEndpoint } from '@safeschools/contract';
import type { FeedRow } from '../../db/events/feeds.repository.js';
import { addFeed } from '../../domain/feeds/add-feed.js';
import { deleteFeed } from '../../domain/feeds/delete-feed.js';
import { listFeeds } from '../../domain/feeds/list-feeds.js';
import { pollFeedNow } from '../../domain/feeds/poll-feed-now.js';
import { updateFeed } from '../../domain/feeds/update-feed.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentFeed(row: FeedRow) {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    kind: row.kind as 'auto' | 'cap' | 'gdacs' | 'usgs',
    enabled: row.enabled,
    source: row.source as 'config' | 'app',
    lastPolledAt: iso(row.lastPolledAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastEntries: row.lastEntries,
    errorCount: row.errorCount,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Feeds name no school, area or person (only the id of the administrator who added one), so they are not scoped
 * by geography: 'feeds.manage' (administrators) guards every route. Events a poll makes are scoped as any event.
 */
export function registerFeedRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, listEndpoint, { scope: 'public', permission: 'feeds.manage', handler: async ({ ctx }) => ({ items: (await listFeeds(ctx)).map(presentFeed) }) });
  route(app, database, addEndpoint, { scope: 'public', permission: 'feeds.manage', handler: async ({ ctx, body }) => presentFeed(await addFeed(ctx, body)) });
  route(app, database, updateEndpoint, { scope: 'public', permission: 'feeds.manage', handler: async ({ ctx, params, body }) => presentFeed(await updateFeed(ctx, params.id, body)) });
  route(app, database, deleteEndpoint, {
    scope: 'public',
    permission: 'feeds.manage',
    handler: async ({ ctx, params }) => {
      await deleteFeed(ctx, params.id);
      return null;
    },
  });
  // The poll writes events in its own transactions (as the scheduled poll does), so the route opens none.
  route(app, database, pollEndpoint, {
    scope: 'public',
    permission: 'feeds.manage',
    transaction: false,
    handler: async ({ ctx, params }) => {
      const { result, feed } = await pollFeedNow(ctx, { engine: services.impactEngine, jobs: services.jobs }, params.id);
      return { entries: result.entries, created: result.created, updated: result.updated, unchanged: result.unchanged, failed: result.failed, feed: presentFeed(feed) };
    },
  });
}
