import { getJob as getJobEndpoint, type Job } from '@safeschools/contract';
import type { z } from 'zod';
import type { JobProgressRow } from '../../db/jobs/job-progress.repository.js';
import { getJob } from '../../domain/jobs/get-job.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';

type JobState = z.output<typeof Job>['state'];

/** The wire shape, field by field: a new column never leaks. */
export function presentJob(row: JobProgressRow): z.output<typeof Job> {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as JobState,
    progress: row.progress,
    message: row.message,
    result: row.result ?? null,
    error: row.error ? { code: row.error.code, message: row.error.message } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function registerJobRoutes(app: App, services: Services): void {
  route(app, services.database, getJobEndpoint, {
    scope: 'filtered',
    permission: 'jobs.read',
    handler: async ({ ctx, params }) => presentJob(await getJob(ctx, params.id)),
  });
}
