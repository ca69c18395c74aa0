import {
  createInstrument as createInstrumentEndpoint,
  getAssessment as getEndpoint,
  getAssessmentReport as reportEndpoint,
  getInstrument as getInstrumentEndpoint,
  listFlaggedSchools as flaggedEndpoint,
  listInstruments as listInstrumentsEndpoint,
  listSchoolAssessments as listEndpoint,
  saveAssessment as saveEndpoint,
} from '@safeschools/contract';
import { createInstrument, getInstrument, listInstruments } from '../../domain/assessments/instruments.js';
import { presentAssessment } from './present-assessment.js';
import { assessmentWithRanks, getAssessment, listFlaggedSchools, listSchoolAssessments } from '../../domain/assessments/read-assessments.js';
import { saveAssessment } from '../../domain/assessments/save-assessment.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

export function registerAssessmentRoutes(app: App, services: Services): void {
  const db = services.database;
  // Instruments are questionnaires, the same for everyone: nothing about schools or people in them.
  route(app, db, listInstrumentsEndpoint, { scope: 'public', permission: 'safety.read', handler: async ({ ctx }) => ({ items: await listInstruments(ctx) }) });
  route(app, db, getInstrumentEndpoint, { scope: 'public', permission: 'safety.read', handler: ({ ctx, params, query }) => getInstrument(ctx, params.id, query.version) as never });
  route(app, db, createInstrumentEndpoint, { scope: 'public', permission: 'users.manage', handler: ({ ctx, body }) => createInstrument(ctx, body) });
  route(app, db, saveEndpoint, {
    scope: 'filtered',
    permission: 'safety.write',
    handler: async ({ ctx, params, body, reply }) => {
      const before = reply.statusCode;
      const row = await saveAssessment(ctx, params.id, body);
      if (row.version === 1 && before === 200) reply.status(201);
      return presentAssessment(await assessmentWithRanks(ctx, row));
    },
  });
  route(app, db, getEndpoint, { scope: 'filtered', permission: 'safety.read', handler: async ({ ctx, params }) => presentAssessment(await getAssessment(ctx, params.id)) });
  route(app, db, reportEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params }) => {
      const shown = presentAssessment(await getAssessment(ctx, params.id));
      if (!shown.report || !shown.triage || !shown.submittedAt) throw new AppError('NOT_FOUND', 'This assessment has no report until it is submitted.');
      return { assessmentId: shown.id, schoolId: shown.schoolId, submittedAt: shown.submittedAt, report: shown.report, triage: shown.triage, ranks: shown.ranks };
    },
  });
  route(app, db, listEndpoint, {
    scope: 'filtered',
    permission: 'safety.read',
    handler: async ({ ctx, params, query }) => {
      const page = await listSchoolAssessments(ctx, params.id, query);
      return { ...page, items: page.items.map(presentAssessment) };
    },
  });
  route(app, db, flaggedEndpoint, { scope: 'filtered', permission: 'safety.read', handler: async ({ ctx, query }) => ({ items: await listFlaggedSchools(ctx, query) }) });
}
