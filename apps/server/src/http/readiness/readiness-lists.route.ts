import { exportReadiness as exportEndpoint, listReadinessSchools as listEndpoint } from '@safeschools/contract';
import { listReadinessSchools } from '../../domain/readiness/list-readiness-schools.js';
import { auditReadinessExport, writeReadinessExport } from '../../domain/readiness/write-readiness-export.js';
import { exportContentTypes } from '../../domain/exports/write-schools-export.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { sendStreamedDownload } from '../send-streamed-download.js';

/** The lists behind the readiness figures, and the readiness of every school as a file. */
export function registerReadinessListRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: ({ ctx, query }) => listReadinessSchools(ctx, query),
  });
  route(app, database, exportEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query, reply, request }) => {
      await auditReadinessExport(ctx, query);
      const { type, extension } = exportContentTypes[query.format];
      return sendStreamedDownload(request, reply, { type, name: `readiness.${extension}` }, (out) => writeReadinessExport(ctx, query, out));
    },
  });
}
