import { z } from 'zod';
import { endpoint } from './endpoint.js';

const Figure = z.object({ count: z.number().int(), percent: z.number().nullable(), schoolIds: z.array(z.uuid()) });
const Histogram = z.object({ buckets: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })), unscored: z.number().int() });

export const Readiness = z
  .object({
    areaId: z.uuid().nullable(),
    asOf: z.iso.date(),
    schools: z.number().int(),
    approvedPlan: Figure,
    drilledRecently: Figure,
    taskForcesTrained: Figure,
    flagged: Figure,
    noPlan: Figure,
    overdueDrill: Figure,
    pillarDistribution: z.record(z.string(), Histogram),
  })
  .meta({ id: 'Readiness' });

export const getReadiness = endpoint({
  id: 'getReadiness',
  method: 'GET',
  path: '/api/v1/readiness',
  summary: 'Readiness of the schools of a block, district, state or country (within scope): plans, drills, trained task forces, scores, flags',
  tag: 'readiness',
  query: z.object({ area: z.uuid().optional() }),
  response: Readiness,
  auth: 'user',
});

/** The figures that list schools, as `filter` values of the readiness lists. */
export const ReadinessFilter = z.enum(['approved-plan', 'recent-drill', 'trained', 'flagged', 'no-plan', 'overdue-drill']);

export const ReadinessSchool = z
  .object({
    id: z.uuid(),
    code: z.string().nullable(),
    name: z.string(),
    district: z.string().nullable(),
    block: z.string().nullable(),
    planStatus: z.string().nullable(),
    lastDrillOn: z.string().nullable(),
    overdueDrill: z.boolean(),
    taskForces: z.object({ trained: z.number().int(), total: z.number().int() }),
    overallScore: z.number().nullable(),
    rating: z.string().nullable(),
    flagged: z.boolean(),
  })
  .meta({ id: 'ReadinessSchool' });

export const listReadinessSchools = endpoint({
  id: 'listReadinessSchools',
  method: 'GET',
  path: '/api/v1/readiness/schools',
  summary: 'The schools behind one readiness figure (within scope, optionally in one area), a page at a time',
  tag: 'readiness',
  query: z.object({
    area: z.uuid().optional(),
    filter: ReadinessFilter,
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  }),
  response: z.object({ items: z.array(ReadinessSchool), nextCursor: z.string().nullable() }),
  auth: 'user',
});

/**
 * One row per school of the area within scope: codes, district and block, plan status and approval, last drill
 * and overdue per hazard, task forces trained, pillar scores, overall score and band, flag. CSV, CSV with an HXL
 * hashtag row, or XLSX.
 */
export const exportReadiness = endpoint({
  id: 'exportReadiness',
  method: 'GET',
  path: '/api/v1/readiness/export',
  summary: 'Export the readiness of every school of an area (within scope) as CSV, HXL or XLSX',
  tag: 'readiness',
  query: z.object({ area: z.uuid().optional(), format: z.enum(['csv', 'hxl', 'xlsx']).default('csv') }),
  response: z.unknown(),
  auth: 'user',
});
