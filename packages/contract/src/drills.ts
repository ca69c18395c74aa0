import { z } from 'zod';
import { observerOrganisations, safetyHazards } from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { ListQuery, pageOf, SyncFields } from './common.js';
import { PlanSectionName, SchoolIdParams } from './plans.js';

/** Drill records (issue 4 §3), mirroring packages/domain/src/safety/drills/drill-types.ts; the domain validates. */
const Count = z.number();
const Day = z.string().max(10);

export const CorrectiveActionStatus = z.enum(['open', 'in_progress', 'done']);
export const CorrectiveAction = z.object({
  id: z.string().min(1).max(100),
  description: z.string().max(2000),
  owner: z.string().max(200),
  dueOn: Day,
  status: CorrectiveActionStatus,
  completedOn: Day.optional(),
  planSection: PlanSectionName.optional(),
});

export const DrillTimes = z.object({
  classroomsOutSeconds: z.number().optional(),
  assemblyPointSeconds: z.number().optional(),
  headcountCompleteSeconds: z.number().optional(),
});

const drillFields = {
  hazard: z.enum(safetyHazards),
  scenario: z.string().max(2000),
  /** ISO 8601 date and time with offset, as read on the school's clock. */
  startedAt: z.string().max(40),
  /** Counts only: children are never named in a drill record. */
  participants: z.object({ girls: Count, boys: Count, otherChildren: Count, childrenWithSpecialNeeds: Count, teachers: Count, staff: Count }).strict(),
  observers: z.array(z.object({ organisation: z.enum(observerOrganisations), count: Count })).max(50),
  times: DrillTimes,
  missingPersons: Count,
  whatWentWrong: z.array(z.string().max(2000)).max(100),
};

export const RecordDrillBody = z
  .object({
    /** A client-made UUIDv7, so an offline phone can retry safely. */
    id: z.uuid().optional(),
    ...drillFields,
    /** Ids may be left out; the server gives each action one. */
    correctiveActions: z.array(CorrectiveAction.extend({ id: z.string().min(1).max(100).optional() })).max(100).default([]),
  })
  .meta({ id: 'RecordDrillBody' });

export const DrillCheck = z.object({
  code: z.enum(['CLASSROOMS_OUT', 'ASSEMBLY_POINT', 'HEADCOUNT_COMPLETE', 'NO_MISSING_PERSONS']),
  measured: z.number().nullable(),
  target: z.number(),
  met: z.boolean().nullable(),
});

export const Drill = z
  .object({
    ...SyncFields,
    schoolId: z.uuid(),
    heldOn: z.string(),
    ...drillFields,
    correctiveActions: z.array(CorrectiveAction),
    evaluation: z.object({ checks: z.array(DrillCheck), passed: z.boolean(), targetsSource: z.string() }),
    openActions: z.number().int(),
  })
  .meta({ id: 'Drill' });

export const DrillTrend = z.object({
  points: z.array(z.object({ on: z.string(), seconds: z.number() })),
  slopeSecondsPerYear: z.number().nullable(),
  direction: z.enum(['improving', 'worsening', 'stable', 'insufficient_data']),
});

export const DrillDue = z.object({
  hazard: z.enum(safetyHazards),
  lastDrillOn: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
});

export const SchoolDrills = z
  .object({
    items: z.array(Drill),
    trend: z.object({ classroomsOut: DrillTrend, assemblyPoint: DrillTrend }),
    due: z.array(DrillDue),
  })
  .meta({ id: 'SchoolDrills' });

export const SchoolDrillsDue = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolCode: z.string().nullable(),
  /** Where the hazards came from: the plan's drill schedule, procedures and hazard assessment, or the default. */
  hazardsFrom: z.enum(['plan', 'default']),
  drills: z.array(DrillDue),
});

export const UpdateCorrectiveActionBody = z
  .object({ status: CorrectiveActionStatus, completedOn: Day.optional(), version: z.number().int().min(1) })
  .meta({ id: 'UpdateCorrectiveActionBody' });

export const recordDrill = endpoint({
  id: 'recordDrill',
  method: 'POST',
  path: '/api/v1/schools/:id/drills',
  summary: "Record a drill; its times are evaluated against the country's targets",
  tag: 'drills',
  params: SchoolIdParams,
  body: RecordDrillBody,
  response: Drill,
  successStatus: 201,
  auth: 'user',
});

export const listSchoolDrills = endpoint({
  id: 'listSchoolDrills',
  method: 'GET',
  path: '/api/v1/schools/:id/drills',
  summary: "A school's drills, newest first, with the trend of its times and the drills due",
  tag: 'drills',
  params: SchoolIdParams,
  response: SchoolDrills,
  auth: 'user',
});

export const updateCorrectiveAction = endpoint({
  id: 'updateCorrectiveAction',
  method: 'PATCH',
  path: '/api/v1/drills/:id/corrective-actions/:actionId',
  summary: 'Change a corrective action; completing one marks its plan section for update',
  tag: 'drills',
  params: z.object({ id: z.uuid(), actionId: z.string().min(1).max(100) }),
  body: UpdateCorrectiveActionBody,
  response: Drill,
  auth: 'user',
});

export const listDueDrills = endpoint({
  id: 'listDueDrills',
  method: 'GET',
  path: '/api/v1/drills/due',
  summary: 'Drills due per school within one\u2019s scope (overdue first within each school)',
  tag: 'drills',
  query: ListQuery.omit({ since: true }).extend({
    area: z.uuid().optional(),
    /** Only schools with an overdue drill. */
    overdueOnly: z.enum(['true', 'false']).optional(),
  }),
  response: z.object({ items: z.array(SchoolDrillsDue), nextCursor: z.string().nullable() }),
  auth: 'user',
});

export const AreaDrillTrend = z
  .object({
    schools: z.number().int(),
    drills: z.number().int(),
    /** Slope over every drill; `points` are monthly means (the first of the month), to keep a district's chart readable. */
    classroomsOut: DrillTrend,
    assemblyPoint: DrillTrend,
  })
  .meta({ id: 'AreaDrillTrend' });

export const getAreaDrillTrend = endpoint({
  id: 'getAreaDrillTrend',
  method: 'GET',
  path: '/api/v1/drills/trend',
  summary: 'How drill times move across the schools within one\u2019s scope, or one area of it',
  tag: 'drills',
  query: z.object({ area: z.uuid().optional() }),
  response: AreaDrillTrend,
  auth: 'user',
});

const DayQuery = z.iso.date();

export const RecordSchoolDrillBody = RecordDrillBody.extend({ schoolId: z.uuid() }).meta({ id: 'RecordSchoolDrillBody' });

export const recordDrillAtSchool = endpoint({
  id: 'recordDrillAtSchool',
  method: 'POST',
  path: '/api/v1/drills',
  summary: 'Record a drill at the school named in the body (the same use case as /schools/{id}/drills)',
  tag: 'drills',
  body: RecordSchoolDrillBody,
  response: Drill,
  successStatus: 201,
  auth: 'user',
});

export const listDrills = endpoint({
  id: 'listDrills',
  method: 'GET',
  path: '/api/v1/drills',
  summary: 'Drills of the schools within one\u2019s scope, filtered; `since` reads what changed after a sync cursor',
  tag: 'drills',
  query: ListQuery.extend({
    area: z.uuid().optional(),
    school: z.uuid().optional(),
    hazard: z.enum(safetyHazards).optional(),
    /** Held on or after this day. */
    from: DayQuery.optional(),
    /** Held on or before this day. */
    to: DayQuery.optional(),
  }),
  response: pageOf(Drill),
  auth: 'user',
});
