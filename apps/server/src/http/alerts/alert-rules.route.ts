import {
  createAlertRule as createEndpoint,
  deleteAlertRule as deleteEndpoint,
  listAlertRules as listEndpoint,
  updateAlertRule as updateEndpoint,
} from '@safeschools/contract';
import { createAlertRule } from '../../domain/alerts/rules/create-alert-rule.js';
import { deleteAlertRule } from '../../domain/alerts/rules/delete-alert-rule.js';
import { listAlertRules } from '../../domain/alerts/rules/list-alert-rules.js';
import { updateAlertRule } from '../../domain/alerts/rules/update-alert-rule.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentAlertRule } from './present-alert-rule.js';

export function registerAlertRuleRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'alerts.manage',
    handler: async ({ ctx }) => ({ items: (await listAlertRules(ctx)).map(presentAlertRule) }),
  });
  route(app, database, createEndpoint, {
    scope: 'filtered',
    permission: 'alerts.manage',
    handler: async ({ ctx, body }) => presentAlertRule(await createAlertRule(ctx, body)),
  });
  route(app, database, updateEndpoint, {
    scope: 'filtered',
    permission: 'alerts.manage',
    handler: async ({ ctx, params, body }) => presentAlertRule(await updateAlertRule(ctx, params.id, body)),
  });
  route(app, database, deleteEndpoint, {
    scope: 'filtered',
    permission: 'alerts.manage',
    handler: async ({ ctx, params, query }) => {
      await deleteAlertRule(ctx, params.id, query.version);
      return null;
    },
  });
}
