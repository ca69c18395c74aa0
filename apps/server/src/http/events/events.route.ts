import { createEvent, exportEventSchools, getEvent as getEndpoint, getEventImpact as impactEndpoint, listEvents as listEndpoint, ScenarioInput } from '@safeschools/contract';
import { z } from 'zod';
import { createEventFromFile, createScenarioEvent } from '../../domain/events/create-event.js';
import { eventExportTypes, streamEventSchools } from '../../domain/events/export-event-schools.js';
import { getEventImpact } from '../../domain/events/get-event-impact.js';
import { getEvent, listEvents } from '../../domain/events/list-events.js';
import { presentEvent } from '../../domain/events/present-event.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { sendStreamedDownload } from '../send-streamed-download.js';
import { receiveHazardUpload } from './receive-hazard-upload.js';

const FileFields = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  track: z.string().trim().min(1).max(100).optional(),
  intensityProperty: z.string().trim().min(1).max(100).optional(),
});

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/**
 * Hazard events. Creating one computes the impact at once on the in-memory engine (milliseconds) and writes the
 * event with its affected schools; it manages its own transaction so neither the upload nor the engine's
 * registry read holds one open.
 */
export function registerEventRoutes(app: App, services: Services): void {
  const engine = services.impactEngine;
  const maxBytes = services.config.MAX_UPLOAD_MB * 1024 * 1024;
  route(app, services.database, createEvent, {
    scope: 'filtered',
    permission: 'events.write',
    transaction: false,
    handler: async ({ ctx, request, reply }) => {
      let result;
      if (request.isMultipart()) {
        const upload = await receiveHazardUpload(request, maxBytes);
        const fields = FileFields.safeParse(upload.fields);
        if (!fields.success) throw new AppError('VALIDATION_FAILED', issues(fields.error));
        const options = Object.fromEntries(Object.entries(fields.data).filter(([, v]) => v !== undefined)) as z.output<typeof FileFields>;
        result = await createEventFromFile(ctx, engine, services.storage, { ...upload, maxBytes }, options, services.jobs);
      } else {
        const body = ScenarioInput.safeParse(request.body);
        if (!body.success) {
          throw new AppError('VALIDATION_FAILED', `Send a hazard file as multipart/form-data, or a scenario as JSON. ${issues(body.error)}`);
        }
        const { kind: _, title, ...params } = body.data;
        result = await createScenarioEvent(ctx, engine, { ...params, ...(title ? { title } : {}) }, services.jobs);
      }
      reply.status(result.outcome === 'created' ? 201 : 200);
      if (result.outcome !== 'created') reply.header('x-event-outcome', result.outcome);
      const view = await getEvent(ctx, result.event.id);
      return presentEvent(view);
    },
  });
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'events.read',
    handler: async ({ ctx, query }) => {
      const page = await listEvents(ctx, query);
      return { ...page, items: page.items.map(presentEvent) };
    },
  });
  route(app, services.database, getEndpoint, {
    scope: 'filtered',
    permission: 'events.read',
    handler: async ({ ctx, params }) => {
      const view = await getEvent(ctx, params.id);
      return { ...presentEvent(view), display: view.row.display };
    },
  });
  route(app, services.database, impactEndpoint, {
    scope: 'filtered',
    permission: 'events.read',
    handler: async ({ ctx, params, query }) => {
      const impact = await getEventImpact(ctx, params.id, query);
      return { event: presentEvent(impact.view), totals: impact.totals, areas: impact.areas, schools: impact.schools };
    },
  });
  route(app, services.database, exportEventSchools, {
    scope: 'filtered',
    permission: 'events.read',
    handler: async ({ ctx, params, query, reply, request }) => {
      // Resolve the event first so a missing one is a 404, not a broken download.
      await getEvent(ctx, params.id);
      const { type, extension } = eventExportTypes[query.format];
      return sendStreamedDownload(request, reply, { type, name: `event-${params.id}-schools.${extension}` }, (out) =>
        streamEventSchools(ctx, params.id, query.format, query.area, out),
      );
    },
  });
}
