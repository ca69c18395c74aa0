import { eventNotificationSummary, listEventNotifications as listEndpoint, listOutbox as outboxEndpoint } from '@safeschools/contract';
import { listEventNotifications, summariseEventNotifications } from '../../domain/alerts/list-event-notifications.js';
import { listOutbox } from '../../domain/alerts/list-outbox.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

/** The delivery log and summary of an event (scoped), and the outbox viewer (administrators). */
export function registerDeliveryLogRoutes(app: App, services: Services): void {
  const db = services.database;
  route(app, db, listEndpoint, {
    scope: 'filtered',
    permission: 'events.read',
    handler: ({ ctx, params, query }) =>
      listEventNotifications(ctx, params.id, {
        state: query.status,
        channel: query.channel,
        schoolId: query.schoolId,
        areaId: query.areaId,
        cursor: query.cursor,
        limit: query.limit,
      }),
  });
  route(app, db, eventNotificationSummary, { scope: 'filtered', permission: 'events.read', handler: ({ ctx, params }) => summariseEventNotifications(ctx, params.id) });
  route(app, db, outboxEndpoint, { scope: 'filtered', permission: 'alerts.manage', handler: ({ ctx, query }) => listOutbox(ctx, query) });
}
