import { abandonImport as abandonEndpoint, resumeImport as resumeEndpoint } from '@safeschools/contract';
import { abandonImport } from '../../domain/imports/abandon-import.js';
import { getImport } from '../../domain/imports/get-import.js';
import { resumeImport } from '../../domain/imports/resume-import.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentImport } from './imports.route.js';

/** Resume or abandon an import its server's crash interrupted: one transaction each, audited, idempotent by key. */
export function registerInterruptedImportRoutes(app: App, services: Services): void {
  route(app, services.database, resumeEndpoint, {
    scope: 'filtered',
    permission: 'registry.write',
    handler: async ({ ctx, params }) => {
      await resumeImport(ctx, services.jobs, params.id);
      const { row, errors, errorsTotal } = await getImport(ctx, params.id);
      return presentImport(row, errors, errorsTotal);
    },
  });
  route(app, services.database, abandonEndpoint, {
    scope: 'filtered',
    permission: 'registry.write',
    handler: async ({ ctx, params }) => {
      await abandonImport(ctx, params.id);
      const { row, errors, errorsTotal } = await getImport(ctx, params.id);
      return presentImport(row, errors, errorsTotal);
    },
  });
}
