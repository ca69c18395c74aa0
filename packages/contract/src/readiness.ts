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
