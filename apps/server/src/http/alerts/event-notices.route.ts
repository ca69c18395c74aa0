import {
  listEventNotices as listEndpoint,
  previewEventNotice as previewEndpoint,
  sendEventNotice as sendEndpoint,
} from '@safeschools/contract';
import { listEventNotices } from '../../domain/alerts/notices/list-event-notices.js';
import { previewEventNotice } from '../../domain/alerts/notices/preview-event-notice.js';
import { sendEventNotice } from '../../domain/alerts/notices/send-event-notice.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentNotice } from './present-alert-rule.js';

/** Manual send from the event page: preview, send, and the list of what was sent. Scoped to the sender's schools. */
export function registerEventNoticeRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, previewEndpoint, {
    scope: 'filtered',
    permission: 'alerts.send',
    // Reads only: nothing is written, so nothing to audit.
    auditExempt: true,
    handler: async ({ ctx, params, body }) => previewEventNotice(ctx, services, params.id, body),
  });
  route(app, database, sendEndpoint, {
    scope: 'filtered',
    permission: 'alerts.send',
    handler: async ({ ctx, params, body }) => {
      const { noticeId } = await sendEventNotice(ctx, services, params.id, body);
      const { items } = await listEventNotices(ctx, params.id, noticeId);
      return presentNotice(items[0]!);
    },
  });
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'alerts.send',
    handler: async ({ ctx, params }) => {
      const view = await listEventNotices(ctx, params.id);
      return { items: view.items.map(presentNotice), cancelledUntold: view.cancelledUntold };
    },
  });
}
