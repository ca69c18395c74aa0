import { listReviews as listEndpoint, resolveReview as resolveEndpoint, reviewSummary as summaryEndpoint } from '@safeschools/contract';
import { listReviews } from '../../../domain/registry/reviews/list-reviews.js';
import { resolveReview } from '../../../domain/registry/reviews/resolve-review.js';
import { summariseReviews } from '../../../domain/registry/reviews/summarise-reviews.js';
import type { Services } from '../../../services.js';
import type { App } from '../../app-types.js';
import { route } from '../../route.js';
import { presentReview } from './present-review.js';

export function registerReviewRoutes(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => {
      const page = await listReviews(ctx, query);
      return { items: page.items.map(presentReview), nextCursor: page.nextCursor };
    },
  });
  route(app, services.database, summaryEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => summariseReviews(ctx, query),
  });
  route(app, services.database, resolveEndpoint, {
    scope: 'filtered',
    permission: 'registry.write',
    handler: async ({ ctx, params, body }) => presentReview(await resolveReview(ctx, params.id, body)),
  });
}
