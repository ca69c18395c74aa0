import { runHousekeeping } from '../domain/jobs/run-housekeeping.js';
import type { Services } from '../services.js';
import { runImport } from '../domain/imports/run-import.js';
import { importJobKind } from '../domain/imports/start-import.js';
import { runSchoolsExportJob, type SchoolsExportPayload } from '../domain/exports/run-schools-export-job.js';
import { pollFeeds } from '../domain/events/poll-feeds.js';

/** Every kind of background job, registered once at start-up before the queue starts. */
export function registerJobHandlers(services: Services): void {
  const { jobs, database } = services;
  jobs.register('housekeeping', () => runHousekeeping(database, new Date()), { batchSize: 1, expireInSeconds: 10 * 60 });
  jobs.schedule('housekeeping', '0 * * * *');
  // Imports are heavy (up to 1.5 M rows): one at a time per instance, up to two hours, retried once.
  for (const kind of ['schools', 'boundaries', 'crosswalk'] as const) {
    jobs.register<{ importId: string }>(
      importJobKind(kind),
      (payload, job) => runImport({ database, storage: services.storage }, payload.importId, job),
      { batchSize: 1, expireInSeconds: 2 * 3600, retryLimit: 1 },
    );
  }
  const maxBytes = 4 * 1024 ** 3;
  jobs.register<SchoolsExportPayload>('export.schools', (payload, job) => runSchoolsExportJob({ database, storage: services.storage, maxBytes }, payload, job), {
    batchSize: 1,
    expireInSeconds: 3600,
  });
  const feeds = services.config.EVENT_FEEDS;
  jobs.register('events.poll-feeds', () => pollFeeds({ database, engine: services.impactEngine, urls: feeds, jobs }), { batchSize: 1, expireInSeconds: 15 * 60 });
  if (feeds.length > 0) jobs.schedule('events.poll-feeds', `*/${services.config.EVENT_FEED_POLL_MINUTES} * * * *`);
}
