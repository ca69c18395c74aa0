import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

export const Job = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    /** `interrupted`: the server running it stopped before it finished (error WORK_INTERRUPTED); ask for it again. */
    state: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted']),
    /** 0..1, or null while the job cannot tell yet. */
    progress: z.number().min(0).max(1).nullable(),
    message: z.string().nullable(),
    result: z.unknown().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Job' });

export const getJob = endpoint({
  id: 'getJob',
  method: 'GET',
  path: '/api/v1/jobs/:id',
  summary: 'Progress and outcome of a background job one started',
  tag: 'jobs',
  params: IdParams,
  response: Job,
  auth: 'user',
});
