import {
  listTrainingModules as modulesEndpoint,
  listTrainings as listAllEndpoint,
  listTrainingSessions as listEndpoint,
  recordTraining as recordAtSchoolEndpoint,
  recordTrainingSession as recordEndpoint,
} from '@safeschools/contract';
import { listTrainingModules } from '../../domain/trainings/list-training-modules.js';
import { listTrainings } from '../../domain/trainings/list-trainings.js';
import { listTrainingSessions } from '../../domain/trainings/list-training-sessions.js';
import { recordTrainingSession } from '../../domain/trainings/record-training-session.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentTrainingSession as present } from './present-training-session.js';

export function registerTrainingRoutes(app: App, services: Services): void {
  const { database } = services;
  route(app, database, modulesEndpoint, {
    // The catalogue is the same for everyone and names no school, area or person.
    scope: 'public',
    permission: 'safety.read',
    handler: ({ ctx }) => ({ items: listTrainingModules(ctx).map((m) => ({ ...m, title: { ...m.title }, audiences: [...m.audiences] })) }),
  });
  route(app, database, recordEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, params, body }) => present(await recordTrainingSession(ctx, params.id, body)),
  });
  // The same use case as the per-school route, for clients that hold the school id with the record.
  route(app, database, recordAtSchoolEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, body: { schoolId, ...session } }) => present(await recordTrainingSession(ctx, schoolId, session)),
  });
  route(app, database, listAllEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, query }) => {
      const page = await listTrainings(ctx, query);
      return { ...page, items: page.items.map(present) };
    },
  });
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params }) => {
      const { rows, taskForces } = await listTrainingSessions(ctx, params.id);
      return { items: rows.map(present), taskForces: taskForces.map((t) => ({ ...t, untrainedPersonIds: [...t.untrainedPersonIds] })) };
    },
  });
}
