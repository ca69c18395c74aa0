import { runHousekeeping } from '../domain/jobs/run-housekeeping.js';
import type { Services } from '../services.js';

/** Every kind of background job, registered once at start-up before the queue starts. */
export function registerJobHandlers(services: Services): void {
  const { jobs, database } = services;
  jobs.register('housekeeping', () => runHousekeeping(database, new Date()), { batchSize: 1, expireInSeconds: 10 * 60 });
  jobs.schedule('housekeeping', '0 * * * *');
}
