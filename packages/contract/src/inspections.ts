import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams, ListQuery, pageOf, SyncFields } from './common.js';

export const InspectionItem = z.object({
  id: z.string().min(1).max(100),
  section: z.enum(['site', 'structure', 'local_weaknesses', 'non_structural', 'functional']),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  note: z.string().max(2000).optional(),
  photoFileIds: z.array(z.uuid()).max(20).default([]),
});

/** A VISUS-style visual inspection of one building; items rated 1 adequate .. 4 critical. */
export const InspectionInput = z
  .object({
    schoolId: z.uuid(),
    buildingName: z.string().trim().min(1).max(200),
    inspectedOn: z.iso.date(),
    inspector: z.object({ name: z.string().trim().min(1).max(200), qualification: z.string().trim().min(1).max(200) }),
    floorAreaM2: z.number().positive().max(1_000_000),
    storeys: z.number().int().min(1).max(100),
    items: z.array(InspectionItem).max(200),
    photoFileIds: z.array(z.uuid()).max(50).default([]),
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'InspectionBody' });

export const SafetyLevel = z.enum(['S1', 'S2', 'S3', 'S4']);

export const Inspection = z
  .object({
    ...SyncFields,
    schoolId: z.uuid(),
    record: z.record(z.string(), z.unknown()),
    safetyLevel: SafetyLevel,
    colour: z.enum(['green', 'yellow', 'orange', 'red']),
    intervention: z.enum(['none', 'non_structural', 'repair', 'retrofit', 'replace']),
    costClass: z.string().nullable(),
    indicativeCost: z.object({ min: z.number(), max: z.number(), currency: z.string(), source: z.string() }),
    worstBySection: z.record(z.string(), z.number().nullable()),
  })
  .meta({ id: 'Inspection' });

export const PriorityList = z
  .object({
    budget: z.number(),
    method: z.enum(['exact', 'greedy']),
    totalCost: z.number(),
    /** Children made safer: sum of children × risk reduction. */
    totalBenefit: z.number(),
    candidates: z.number().int(),
    /** Candidates at schools without an enrolment: the children they would make safer are unknown, so none is chosen. */
    candidatesWithoutEnrolment: z.number().int(),
    items: z.array(
      z.object({
        schoolId: z.uuid(),
        schoolName: z.string(),
        schoolCode: z.string().nullable(),
        children: z.number().int().nullable(),
        safetyLevel: z.string(),
        intervention: z.string(),
        cost: z.number(),
        riskReduction: z.number(),
      }),
    ),
  })
  .meta({ id: 'PriorityList' });

export const saveInspection = endpoint({
  id: 'saveInspection',
  method: 'PUT',
  path: '/api/v1/inspections/:id',
  summary: 'Record (or correct) a technical inspection; returns its safety level and recommended intervention',
  tag: 'inspections',
  params: IdParams,
  body: InspectionInput,
  response: Inspection,
  auth: 'user',
});

export const listSchoolInspections = endpoint({
  id: 'listSchoolInspections',
  method: 'GET',
  path: '/api/v1/schools/:id/inspections',
  summary: "A school's technical inspections, newest first",
  tag: 'inspections',
  params: IdParams,
  response: z.object({ items: z.array(Inspection) }),
  auth: 'user',
});

export const getPriorityList = endpoint({
  id: 'getPriorityList',
  method: 'GET',
  path: '/api/v1/priority-list',
  summary: 'The inspected schools to fix within a budget, most children made safer per rupee',
  tag: 'inspections',
  query: z.object({ area: z.uuid().optional(), budget: z.coerce.number().min(0).max(1e13) }),
  response: PriorityList,
  auth: 'user',
});

export const listInspections = endpoint({
  id: 'listInspections',
  method: 'GET',
  path: '/api/v1/inspections',
  summary: 'Technical inspections of the schools within one\u2019s scope, filtered; `since` reads what changed after a sync cursor',
  tag: 'inspections',
  query: ListQuery.extend({
    area: z.uuid().optional(),
    school: z.uuid().optional(),
    safetyLevel: SafetyLevel.optional(),
    /** Inspected on or after this day. */
    from: z.iso.date().optional(),
    /** Inspected on or before this day. */
    to: z.iso.date().optional(),
  }),
  response: pageOf(Inspection),
  auth: 'user',
});
