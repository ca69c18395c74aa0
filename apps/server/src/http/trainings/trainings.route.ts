import {
  listTrainingModules as modulesEndpoint,
  listTrainingSessions as listEndpoint,
  recordTrainingSession as recordEndpoint,
  type TrainingSession,
} from '@safeschools/contract';
import type { z } from 'zod';
import type { TrainingSessionRow } from '../../db/trainings/training-sessions.repository.js';
import { listTrainingModules } from '../../domain/trainings/list-training-modules.js';
import { listTrainingSessions, sessionOfRow } from '../../domain/trainings/list-training-sessions.js';
import { recordTrainingSession } from '../../domain/trainings/record-training-session.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentSync } from '../present-sync.js';

/** Allow-list of a session's fields. */
function present(row: TrainingSessionRow): z.output<typeof TrainingSession> {
  const s = sessionOfRow(row);
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    moduleId: s.moduleId,
    heldOn: s.heldOn,
    facilitator: { name: s.facilitator.name, ...(s.facilitator.organisation ? { organisation: s.facilitator.organisation } : {}) },
    audience: s.audience,
    attendeePersonIds: [...s.attendeePersonIds],
    participants: { ...s.participants },
    ...(s.studentsByGrade ? { studentsByGrade: { ...s.studentsByGrade } } : {}),
    ...(s.preTestAverage !== undefined ? { preTestAverage: s.preTestAverage } : {}),
    ...(s.postTestAverage !== undefined ? { postTestAverage: s.postTestAverage } : {}),
  };
}

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
  route(app, database, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params }) => {
      const { rows, taskForces } = await listTrainingSessions(ctx, params.id);
      return { items: rows.map(present), taskForces: taskForces.map((t) => ({ ...t, untrainedPersonIds: [...t.untrainedPersonIds] })) };
    },
  });
}
