import type { Database } from '../../db/database.js';
import { orphanedDueRows, promoteDueFallbacks, requeueStuckSending } from '../../db/alerts/due-notifications.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { deliverNotificationsJob, enqueueDelivery } from './alert-jobs.js';
import { liveInstanceIds } from '../../db/instances/live-instances.repository.js';
import { STUCK_SENDING_MS } from './delivery-policy.js';

/** Scheduled every minute, and run once when the queue starts. */
export const deliverDueJob = 'alerts.deliver-due';

export interface DueSweep {
  /** Rows a dead server left `sending`, queued again. */
  resumed: number;
  /** Fallback channels made due (their person was not reached on the earlier one in time). */
  fallbacks: number;
  /** Fallback rows no longer needed (an earlier channel was delivered meanwhile). */
  skipped: number;
  /** Queued, due rows that had no job and were given one. */
  enqueued: number;
}

const IDS_PER_JOB = 200;

/**
 * Keeps delivery going whatever happened: rows a killed server left `sending` go back to the queue (the provider
 * call may or may not have happened; an e-mail's Message-ID makes a second copy the same message), fallback
 * channels become due when the earlier channel was not delivered in time, and due rows whose job was lost get a
 * new one. Idempotent; several instances may run it at once.
 */
export async function deliverDueNotifications(deps: { database: Database; jobs: JobQueue }, now: Date): Promise<DueSweep> {
  const { database, jobs } = deps;
  const stuckBefore = new Date(now.getTime() - STUCK_SENDING_MS);
  const live = await liveInstanceIds(database);
  const { resumed, fallbacks, skipped } = await database.db.transaction(async (tx) => {
    const resumedIds = await requeueStuckSending(database, tx, live, stuckBefore, now);
    const promoted = await promoteDueFallbacks(database, tx, now);
    const due = [...resumedIds, ...promoted.queued];
    for (let i = 0; i < due.length; i += IDS_PER_JOB) await enqueueDelivery(jobs, tx, due.slice(i, i + IDS_PER_JOB));
    return { resumed: resumedIds.length, fallbacks: promoted.queued.length, skipped: promoted.skipped };
  });
  let enqueued = 0;
  for (let round = 0; round < 50; round++) {
    const orphans = await orphanedDueRows(database, deliverNotificationsJob, now, IDS_PER_JOB * 10);
    if (orphans.length === 0) break;
    for (let i = 0; i < orphans.length; i += IDS_PER_JOB) await enqueueDelivery(jobs, null, orphans.slice(i, i + IDS_PER_JOB));
    enqueued += orphans.length;
    if (orphans.length < IDS_PER_JOB * 10) break;
  }
  return { resumed, fallbacks, skipped, enqueued };
}
