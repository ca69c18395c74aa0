import { z } from 'zod';
import { adultRoles, planSections, safetyHazards, sopKinds, standardTaskForceTypes } from '@safeschools/domain';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, SyncFields } from './common.js';

/**
 * The School Disaster Management Plan (NDMA 2016 Annexure 8) on the wire. The shapes mirror
 * packages/domain/src/safety/plan/plan-types.ts; the domain's checkPlan holds the rules, so the schemas here
 * only check types and lengths.
 */
const Text = z.string().max(2000);
const Day = z.string().max(10);
const Hazard = z.enum(safetyHazards);
export const LonLat = z.tuple([z.number(), z.number()]);
export const PlanSectionName = z.enum(planSections);

export const PlanPerson = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200),
  role: z.enum(adultRoles),
  designation: z.string().max(200).optional(),
  phone: z.string().max(50).optional(),
});

/**
 * Students are counts. The object is left open so that a name sent by mistake reaches the domain rules and is
 * refused with PLAN_STUDENT_IDENTIFIED, instead of being silently dropped.
 */
export const PlanStudentGroup = z.object({ kind: z.literal('students'), count: z.number(), grade: z.string().max(20).optional() }).loose();
export const PlanMember = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('adult'), personId: z.string().min(1).max(100), isLeader: z.boolean() }),
  PlanStudentGroup,
]);

export const Duties = z.object({ before: z.array(Text), during: z.array(Text), after: z.array(Text) });

export const TaskForce = z.object({
  id: z.string().min(1).max(100),
  type: z.enum([...standardTaskForceTypes, 'custom']),
  customName: z.string().max(200).optional(),
  busId: z.string().max(100).optional(),
  members: z.array(PlanMember).max(500),
  duties: Duties,
});

const HeadCount = z.number().int().min(0).nullable();

export const SchoolProfile = z.object({
  schoolId: z.string(),
  name: z.string().max(300),
  udiseCode: z.string().max(50).optional(),
  address: z.string().max(1000),
  /** Head counts; null when not recorded (the registry had none and no one has entered it), never 0 for unknown. */
  students: z.object({ girls: HeadCount, boys: HeadCount, other: HeadCount }),
  childrenWithSpecialNeeds: HeadCount,
  teachers: HeadCount,
  nonTeachingStaff: z.number().int().min(0),
  buildings: z.number().int().min(0),
  buses: z.array(z.object({ id: z.string().min(1).max(100), registration: z.string().max(50) })).max(200),
});

const Finding = { id: z.string().min(1).max(100), description: Text, location: LonLat.optional() };
export const HazardAssessment = z.object({
  nonStructural: z.array(z.object({ ...Finding, assessedBy: z.enum(['teachers', 'students']) })),
  structural: z.array(z.object({ ...Finding, engineer: z.string().max(200), inspectionId: z.string().max(100).optional() })),
  outsideCampus: z.array(z.object({ ...Finding, hazard: z.enum([...safetyHazards, 'other']) })),
  pastIncidents: z.array(z.object({ on: Day, hazard: z.enum([...safetyHazards, 'other']), description: Text })),
  vulnerableSpots: z.array(z.object(Finding)),
});

const sections = {
  people: z.array(PlanPerson).max(1000),
  hazardAssessment: HazardAssessment,
  committee: z.array(z.object({ member: PlanMember, position: z.enum(['chairperson', 'convenor', 'member']), inCoreTeam: z.boolean() })),
  taskForces: z.array(TaskForce).max(200),
  sops: z.array(z.object({ hazard: Hazard, kind: z.enum(sopKinds), steps: z.array(Text) })),
  emergencyContacts: z.array(
    z.object({
      service: z.enum(['police', 'fire', 'ambulance', 'hospital', 'disaster_management', 'education_office', 'other']),
      name: z.string().max(200),
      phone: z.string().max(50),
    }),
  ),
  evacuationRoutes: z.array(z.object({ id: z.string().min(1).max(100), name: z.string().max(200), coordinates: z.array(LonLat).max(1000) })),
  assemblyPoints: z.array(z.object({ id: z.string().min(1).max(100), name: z.string().max(200), point: LonLat, capacity: z.number().int().min(0).optional() })),
  resources: z.array(z.object({ item: z.string().max(200), quantity: z.number().min(0), location: z.string().max(200) })),
  trainingPlan: z.array(z.object({ moduleId: z.string().max(100), audience: z.string().max(100), plannedOn: Day })),
  drillSchedule: z.array(z.object({ hazard: Hazard, plannedOn: Day })),
};

export const PlanContent = z.object({ profile: SchoolProfile, ...sections }).meta({ id: 'PlanContent' });

/** What a draft save may carry: any sections; the profile field by field. */
export const PlanDraftContent = z
  .object({ profile: SchoolProfile.omit({ schoolId: true }).partial().optional(), ...sections })
  .partial()
  .meta({ id: 'PlanDraftContent' });

export const PlanStatus = z.enum(['draft', 'submitted', 'approved', 'returned']);
export const PlanHistoryEntry = z.object({
  action: z.enum(['submit', 'approve', 'return', 'reopen', 'revise']),
  by: z.string(),
  on: z.string(),
  from: PlanStatus,
  to: PlanStatus,
  comments: z.string().optional(),
});

export const Plan = z
  .object({
    ...SyncFields,
    schoolId: z.uuid(),
    /** The plan's own version, raised each time an approved plan is revised (`version` is the row's, for edits). */
    planVersion: z.number().int(),
    status: PlanStatus,
    content: PlanContent,
    submittedBy: z.string().nullable(),
    lastApprovedOn: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    reviewOverdue: z.boolean(),
    returnComments: z.string().nullable(),
    sectionsNeedingUpdate: z.array(PlanSectionName),
    history: z.array(PlanHistoryEntry),
    /** What still keeps the plan from being submitted (empty sections, task force rules); empty when ready. */
    problems: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })),
  })
  .meta({ id: 'Plan' });

export const SavePlanBody = z
  .object({
    /** A client-made UUIDv7 for a new plan (offline creation); ignored once the plan exists. */
    id: z.uuid().optional(),
    /** The `version` last read; required once the plan exists. */
    version: z.number().int().min(1).optional(),
    content: PlanDraftContent.default({}),
  })
  .meta({ id: 'SavePlanBody' });

export const PlanTransitionBody = z
  .object({
    action: z.enum(['submit', 'approve', 'return', 'reopen', 'revise']),
    comments: z.string().max(4000).optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'PlanTransitionBody' });

export const PlanSummary = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    schoolCode: z.string().nullable(),
    planVersion: z.number().int(),
    status: PlanStatus,
    lastApprovedOn: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    reviewOverdue: z.boolean(),
    sectionsNeedingUpdate: z.array(PlanSectionName),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanSummary' });

export const PlanListQuery = ListQuery.omit({ since: true }).extend({
  area: z.uuid().optional(),
  status: PlanStatus.optional(),
  reviewOverdue: z.enum(['true', 'false']).optional(),
});

export const SchoolIdParams = z.object({ id: z.uuid() });

export const getSchoolPlan = endpoint({
  id: 'getSchoolPlan',
  method: 'GET',
  path: '/api/v1/schools/:id/plan',
  summary: "The school's disaster management plan (PLAN_NOT_FOUND until one is saved)",
  tag: 'plans',
  params: SchoolIdParams,
  response: Plan,
  auth: 'user',
});

export const saveSchoolPlan = endpoint({
  id: 'saveSchoolPlan',
  method: 'PUT',
  path: '/api/v1/schools/:id/plan',
  summary: 'Create the plan (profile pre-filled from the registry) or change its draft: sections sent replace the stored ones',
  tag: 'plans',
  params: SchoolIdParams,
  body: SavePlanBody,
  response: Plan,
  auth: 'user',
});

export const transitionSchoolPlan = endpoint({
  id: 'transitionSchoolPlan',
  method: 'POST',
  path: '/api/v1/plans/:id/transitions',
  summary: 'Submit, approve, return (with comments), reopen or revise a plan',
  tag: 'plans',
  params: IdParams,
  body: PlanTransitionBody,
  response: Plan,
  auth: 'user',
});

export const PlanActionBody = z
  .object({ comments: z.string().max(4000).optional(), version: z.number().int().min(1) })
  .meta({ id: 'PlanActionBody' });

function planAction(action: 'submit' | 'approve' | 'return', summary: string) {
  return endpoint({
    id: `${action}Plan`,
    method: 'POST',
    path: `/api/v1/plans/:id/${action}`,
    summary,
    tag: 'plans',
    params: IdParams,
    body: PlanActionBody,
    response: Plan,
    auth: 'user',
  });
}

/** The plan actions under the names scripts rely on; the same as `transitions` with that action. */
export const submitPlan = planAction('submit', 'Submit a plan for approval (refused with every problem listed when incomplete)');
export const approvePlan = planAction('approve', 'Approve a submitted plan (not by the person who submitted it)');
export const returnPlan = planAction('return', 'Return a submitted plan to the school with comments');

export const listPlans = endpoint({
  id: 'listPlans',
  method: 'GET',
  path: '/api/v1/plans',
  summary: 'Plans of the schools within one\u2019s scope, with their review dates',
  tag: 'plans',
  query: PlanListQuery,
  response: z.object({ items: z.array(PlanSummary), nextCursor: z.string().nullable() }),
  auth: 'user',
});

/** A4 PDF (application/pdf) of the plan in the language asked; labels translated, the school's own words as typed. */
export const getPlanPdf = endpoint({
  id: 'getPlanPdf',
  method: 'GET',
  path: '/api/v1/plans/:id/pdf',
  summary: 'The plan as a printable A4 PDF in English, Hindi or Japanese',
  tag: 'plans',
  params: IdParams,
  query: z.object({ lang: z.enum(['en', 'hi', 'ja']).default('en') }),
  response: z.unknown(),
  auth: 'user',
});
