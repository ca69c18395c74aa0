import { exportSchools } from '@safeschools/contract';
import { planSchoolsExport, streamSchoolsExport } from '../../domain/exports/export-schools.js';
import { exportContentTypes } from '../../domain/exports/write-schools-export.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { sendStreamedDownload } from '../send-streamed-download.js';

export function registerExportRoutes(app: App, services: Services): void {
  route(app, services.database, exportSchools, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query, reply, request }) => {
      const filter = { ...(query.q ? { q: query.q } : {}), ...(query.area ? { areaId: query.area } : {}) };
      const plan = await planSchoolsExport(ctx, services.jobs, { filter, format: query.format, forceJob: query.async === 'always' });
      if (plan.kind === 'job') {
        return reply.status(202).send({ jobId: plan.jobId, statusUrl: `/api/v1/jobs/${plan.jobId}` });
      }
      const { type, extension } = exportContentTypes[query.format];
      return sendStreamedDownload(request, reply, { type, name: `schools.${extension}` }, (out) => streamSchoolsExport(ctx, filter, query.format, out));
    },
  });
}
