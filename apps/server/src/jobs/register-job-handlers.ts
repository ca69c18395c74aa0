import { runHousekeeping } from '../domain/jobs/run-housekeeping.js';
import type { Services } from '../services.js';
import { runImport } from '../domain/imports/run-import.js';
import { importJobKind } from '../domain/imports/start-import.js';
import { runSchoolsExportJob, type SchoolsExportPayload } from '../domain/exports/run-schools-export-job.js';
import { pollFeeds } from '../domain/events/poll-feeds.js';
import { evaluateEventAlerts } from '../domain/alerts/evaluate-event-alerts.js';
import { evaluateAlertsJob, type EvaluateAlertsPayload } from '../domain/alerts/alert-jobs.js';
import { deliverNotifications } from '../domain/alerts/deliver-notifications.js';
import { deliverDueJob, deliverDueNotifications } from '../domain/alerts/deliver-due-notifications.js';
import { deliverNotificationsJob, type DeliverNotificationsPayload } from '../domain/alerts/alert-jobs.js';

/** Every kind of background job, registered once at start-up before the queue starts. */
export function registerJobHandlers(services: Services): void {
  const { jobs, database } = services;
  // Work nobody waits on and that is safe to repeat is run again when its server dies mid-run (whenInterrupted).
  const rerun = { whenInterrupted: 'rerun' } as const;
  jobs.register('housekeeping', () => runHousekeeping(database, new Date()), { batchSize: 1, expireInSeconds: 10 * 60, ...rerun });
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
  jobs.register('events.poll-feeds', () => pollFeeds({ database, engine: services.impactEngine, urls: feeds, jobs }), { batchSize: 1, expireInSeconds: 15 * 60, ...rerun });
  // One evaluation at a time per instance: an update's follow-up is weighed against what the alert before it told.
  jobs.register<EvaluateAlertsPayload>(evaluateAlertsJob, (payload) => evaluateEventAlerts(services, payload), {
    batchSize: 1,
    expireInSeconds: 15 * 60,
    retryLimit: 5,
    ...rerun,
  });
  // Sends outbox rows; several jobs at once share each channel's token bucket (docs/decisions/0006-alerting.md).
  const delivery = { database, jobs, channels: services.channels, config: services.config };
  jobs.register<DeliverNotificationsPayload>(deliverNotificationsJob, (payload, job) => deliverNotifications(delivery, payload, job.signal), {
    batchSize: 8,
    expireInSeconds: 30 * 60,
    retryLimit: 3,
    ...rerun,
  });
  // Resumes rows a dead server left sending, makes fallback channels due, gives lost rows a job; also run at start.
  jobs.register(deliverDueJob, () => deliverDueNotifications({ database, jobs }, new Date()), { batchSize: 1, expireInSeconds: 10 * 60, ...rerun });
  jobs.schedule(deliverDueJob, '* * * * *');
  // Always scheduled: feeds can be added in the app as well as through EVENT_FEEDS (a poll of none does nothing).
  jobs.schedule('events.poll-feeds', `*/${services.config.EVENT_FEED_POLL_MINUTES} * * * *`);
}
