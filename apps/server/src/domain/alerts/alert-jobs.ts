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

export interface DeliverNotificationsPayload {
  /** Outbox rows to send; at most a few hundred per job, so a batch is never half a fan-out. */
  notificationIds: string[];
}

/** Written with the outbox rows it sends (same transaction), optionally not before `startAfterSeconds`. */
export async function enqueueDelivery(jobs: JobQueue, tx: Executor | null, notificationIds: string[], startAfterSeconds?: number): Promise<void> {
  if (notificationIds.length === 0) return;
  await jobs.enqueue<DeliverNotificationsPayload>(deliverNotificationsJob, { notificationIds }, {
    ownerId: null,
    ...(tx ? { tx } : {}),
    retryLimit: 3,
    ...(startAfterSeconds ? { startAfterSeconds } : {}),
  });
}
