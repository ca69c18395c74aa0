import { listImports as listEndpoint } from '@safeschools/contract';
import { listImports } from '../../domain/imports/list-imports.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentImportSummary } from './present-import-summary.js';

/** The caller's imports (everyone's for an administrator), newest first, so an interrupted one can be found again. */
export function registerImportListRoute(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => {
      const page = await listImports(ctx, query);
      return { items: page.items.map(presentImportSummary), nextCursor: page.nextCursor };
    },
  });
}
