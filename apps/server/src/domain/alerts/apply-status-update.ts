import type { StatusUpdate } from '../../channels/channel.js';
import type { Database } from '../../db/database.js';
import { insertAttempt, markFailed, promoteNextChannel, skipLaterChannels } from '../../db/alerts/delivery.repository.js';
import { advanceDelivery, findByProviderMessage } from '../../db/alerts/status-updates.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { enqueueDelivery } from './alert-jobs.js';

/** How far a message has got; a callback only ever moves a row to a later step. */
const step: Readonly<Record<string, number>> = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4 };

export interface StatusResult {
  /** False when no outbox row has this provider message id (logged by the caller, nothing written). */
  matched: boolean;
  notificationId?: string;
  /** The row's state after the callback. */
  state?: string;
}

/**
 * One provider status callback. Providers send them out of order and more than once, so a row only moves forward
 * (queued < sending < sent < delivered < read); `failed` only before delivered, and it makes the person's next
 * channel due at once. Each callback is kept as an attempt row (outcome `status`), moved or not.
 */
export async function applyStatusUpdate(deps: { database: Database; jobs: JobQueue }, update: StatusUpdate, now: Date): Promise<StatusResult> {
  const { database } = deps;
  return database.db.transaction(async (tx) => {
    const row = await findByProviderMessage(database, tx, update.provider, update.providerMessageId);
    if (!row) return { matched: false };
    await insertAttempt(tx, {
      notificationId: row.id,
      at: now,
      provider: update.provider,
      outcome: 'status',
      providerMessageId: update.providerMessageId,
      errorCode: update.status === 'failed' ? (update.errorCode ?? 'PROVIDER_FAILED') : (update.errorCode ?? null),
      error: update.errorMessage ? `${update.status}: ${update.errorMessage}` : update.status,
    });
    const current = step[row.state];
    if (current === undefined) return { matched: true, notificationId: row.id, state: row.state };
    const person = { noticeId: row.notice_id, recipientKey: row.recipient_key, channelRank: row.channel_rank };
    if (update.status === 'failed') {
      if (current >= step.delivered!) return { matched: true, notificationId: row.id, state: row.state };
      const code = update.errorCode ?? 'PROVIDER_FAILED';
      await markFailed(database, tx, { id: row.id, provider: update.provider, code, message: update.errorMessage ?? 'failed', at: now }, ['queued', 'sending', 'sent']);
      const next = await promoteNextChannel(database, tx, person, now);
      if (next) await enqueueDelivery(deps.jobs, tx, [next]);
      return { matched: true, notificationId: row.id, state: 'failed' };
    }
    if (step[update.status]! <= current) return { matched: true, notificationId: row.id, state: row.state };
    await advanceDelivery(database, tx, row.id, update.status, update.at ?? now);
    if (update.status !== 'sent') await skipLaterChannels(database, tx, person, now);
    return { matched: true, notificationId: row.id, state: update.status };
  });
}
