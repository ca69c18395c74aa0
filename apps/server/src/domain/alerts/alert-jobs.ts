import type { Executor } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job-queue.js';

/** Decides, for one event as it now stands, which notices its rules call for, and writes their outbox rows. */
export const evaluateAlertsJob = 'alerts.evaluate';
/** Sends outbox rows (notifications) that are due. */
export const deliverNotificationsJob = 'alerts.deliver';

export interface EvaluateAlertsPayload {
  eventId: string;
}

/**
 * Called in the transaction that created, updated or cancelled an event: the evaluation then exists exactly when
 * the change does (a crash before commit loses both, after commit pg-boss runs it).
 */
export async function enqueueAlertEvaluation(jobs: JobQueue, tx: Executor, eventId: string): Promise<void> {
  await jobs.enqueue<EvaluateAlertsPayload>(evaluateAlertsJob, { eventId }, { ownerId: null, tx, retryLimit: 5 });
}
