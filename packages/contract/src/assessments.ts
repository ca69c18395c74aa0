import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, pageOf, SyncFields } from './common.js';

/** An instrument definition as data (packages/domain InstrumentDefinition); validated by the domain rules. */
export const InstrumentDefinition = z.record(z.string(), z.unknown()).meta({ id: 'InstrumentDefinition' });

export const InstrumentSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.record(z.string(), z.string()),
    builtIn: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'InstrumentSummary' });

export const SeismicZone = z.enum(['II', 'III', 'IV', 'V']);
export const HazardLevel = z.enum(['low', 'moderate', 'high', 'very_high']);

/** Where the school stands on the official hazard maps (IS 1893 seismic zone, cyclone/flood/landslide atlases). */
export const HazardContext = z
  .object({ seismicZone: SeismicZone.optional(), cyclone: HazardLevel.optional(), flood: HazardLevel.optional(), landslide: HazardLevel.optional() })
  .strict();

export const SafetyProblem = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const PillarScore = z.object({
  score: z.number().nullable(),
  coverage: z.number(),
  questions: z.number().int(),
  notSure: z.number().int(),
  unanswered: z.number().int(),
});

export const AssessmentReport = z
  .object({
    instrumentId: z.string(),
    instrumentVersion: z.number().int(),
    pillars: z.record(z.string(), PillarScore),
    overall: z.object({
      score: z.number().nullable(),
      coverage: z.number(),
      band: z.string().nullable(),
      readiness: z.string().nullable(),
      provisional: z.boolean(),
    }),
    redFlags: z.array(z.string()),
    recommendations: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'AssessmentReport' });

export const TriageResult = z.object({
  flagged: z.boolean(),
  priority: z.enum(['urgent', 'high', 'normal']).nullable(),
  reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
});

export const SchoolRankInGroup = z.object({ areaId: z.uuid(), level: z.string(), name: z.string(), rank: z.number().int().nullable(), of: z.number().int() });

export const Assessment = z
  .object({
    ...SyncFields,
    schoolId: z.uuid(),
    instrumentId: z.string(),
    instrumentVersion: z.number().int(),
    status: z.enum(['draft', 'submitted']),
    answers: z.record(z.string(), z.unknown()),
    hazardContext: HazardContext,
    report: AssessmentReport.nullable(),
    triage: TriageResult.nullable(),
    /** Rank of the school's score among the latest submitted assessments in its block and district. */
    ranks: z.array(SchoolRankInGroup),
    submittedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Assessment' });

/**
 * Create (with a client-made UUIDv7 id, so an offline phone can retry safely) or update a draft. `submit: true`
 * checks every answer and produces the report; a submitted assessment no longer changes.
 */
export const SaveAssessmentBody = z
  .object({
    schoolId: z.uuid(),
    instrumentId: z.string().min(1).max(200),
    instrumentVersion: z.number().int().min(1),
    answers: z.record(z.string(), z.unknown()),
    hazardContext: HazardContext.default({}),
    submit: z.boolean().default(false),
    /** The version you last read; omit when creating. */
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'SaveAssessmentBody' });

export const FlaggedSchool = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolCode: z.string().nullable(),
  assessmentId: z.uuid(),
  submittedAt: z.iso.datetime(),
  priority: z.enum(['urgent', 'high', 'normal']),
  reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
  pillar1Score: z.number().nullable(),
  inspected: z.boolean(),
});

export const listInstruments = endpoint({
  id: 'listInstruments',
  method: 'GET',
  path: '/api/v1/instruments',
  summary: 'Assessment instruments, every version',
  tag: 'assessments',
  response: z.object({ items: z.array(InstrumentSummary) }),
  auth: 'user',
});

export const getInstrument = endpoint({
  id: 'getInstrument',
  method: 'GET',
  path: '/api/v1/instruments/:id',
  summary: 'One instrument definition (the latest version unless `version` is given)',
  tag: 'assessments',
  params: z.object({ id: z.string().min(1).max(200) }),
  query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  response: InstrumentDefinition,
  auth: 'user',
});

export const createInstrument = endpoint({
  id: 'createInstrument',
  method: 'POST',
  path: '/api/v1/instruments',
  summary: "Load a country team's own instrument (a new id, or a new version of one)",
  tag: 'assessments',
  body: InstrumentDefinition,
  response: InstrumentSummary,
  successStatus: 201,
  auth: 'user',
});

export const saveAssessment = endpoint({
  id: 'saveAssessment',
  method: 'PUT',
  path: '/api/v1/assessments/:id',
  summary: 'Create or update a self-assessment; submit it to get the school report',
  tag: 'assessments',
  params: IdParams,
  body: SaveAssessmentBody,
  response: Assessment,
  auth: 'user',
});

export const getAssessment = endpoint({
  id: 'getAssessment',
  method: 'GET',
  path: '/api/v1/assessments/:id',
  summary: 'One self-assessment with its report, triage and ranks',
  tag: 'assessments',
  params: IdParams,
  response: Assessment,
  auth: 'user',
});

export const getAssessmentReport = endpoint({
  id: 'getAssessmentReport',
  method: 'GET',
  path: '/api/v1/assessments/:id/report',
  summary: 'The school report of a submitted self-assessment: scores, rating, recommendations, triage and ranks',
  tag: 'assessments',
  params: IdParams,
  response: z.object({ assessmentId: z.uuid(), schoolId: z.uuid(), submittedAt: z.iso.datetime(), report: AssessmentReport, triage: TriageResult, ranks: z.array(SchoolRankInGroup) }),
  auth: 'user',
});

export const listSchoolAssessments = endpoint({
  id: 'listSchoolAssessments',
  method: 'GET',
  path: '/api/v1/schools/:id/assessments',
  summary: "A school's self-assessments, newest first",
  tag: 'assessments',
  params: IdParams,
  query: ListQuery,
  response: pageOf(Assessment),
  auth: 'user',
});

export const listFlaggedSchools = endpoint({
  id: 'listFlaggedSchools',
  method: 'GET',
  path: '/api/v1/flagged-schools',
  summary: 'Schools whose latest self-assessment flags them for an engineering inspection, most urgent first',
  tag: 'assessments',
  query: z.object({ area: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
  response: z.object({ items: z.array(FlaggedSchool) }),
  auth: 'user',
});

export const listAssessments = endpoint({
  id: 'listAssessments',
  method: 'GET',
  path: '/api/v1/assessments',
  summary: 'Self-assessments of the schools within one\u2019s scope, filtered (items carry no ranks: read one assessment for those); `since` reads what changed after a sync cursor',
  tag: 'assessments',
  query: ListQuery.extend({
    area: z.uuid().optional(),
    school: z.uuid().optional(),
    status: z.enum(['draft', 'submitted']).optional(),
    /** Submitted (a draft: started) on or after this UTC day. */
    from: z.iso.date().optional(),
    /** Submitted (a draft: started) on or before this UTC day. */
    to: z.iso.date().optional(),
  }),
  response: pageOf(Assessment),
  auth: 'user',
});
