import type { SendOutcome } from '../../channels/channel.js';
import type { Database } from '../../db/database.js';
import {
  insertAttempt,
  markFailed,
  markRetry,
  markSent,
  promoteNextChannel,
  skipLaterChannels,
  type ClaimedRow,
} from '../../db/alerts/delivery.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { enqueueDelivery } from './alert-jobs.js';
import { MAX_SEND_ATTEMPTS, retryDelayMs } from './delivery-policy.js';

export interface OutcomeEffects {
  id: string;
  /** Which count of the job's report this adds to. */
  counted: 'sent' | 'delivered' | 'retried' | 'failed';
  /** Set when the row was queued again: when it is due. */
  retryAt: Date | null;
}

/**
 * Records what the provider answered to one claimed row, with its attempt row, in one transaction: sent or
 * delivered (a delivered person's waiting fallback rows are skipped), queued again after a backoff (or the
 * provider's Retry-After), or failed — after too many temporary failures too — which makes the person's next
 * channel due now.
 */
export async function recordSendOutcome(
  deps: { database: Database; jobs: JobQueue },
  row: ClaimedRow,
  outcome: SendOutcome,
  now: Date,
  random: () => number,
): Promise<OutcomeEffects> {
  const { database } = deps;
  return database.db.transaction(async (tx) => {
    const person = { noticeId: row.notice_id, recipientKey: row.recipient_key, channelRank: row.channel_rank };
    if (outcome.kind === 'sent') {
      await markSent(database, tx, { id: row.id, provider: outcome.provider, providerMessageId: outcome.providerMessageId, delivered: outcome.delivered, at: now });
      await insertAttempt(tx, {
        notificationId: row.id,
        at: now,
        provider: outcome.provider,
        outcome: 'sent',
        providerMessageId: outcome.providerMessageId,
        httpStatus: outcome.httpStatus ?? null,
      });
      if (outcome.delivered) await skipLaterChannels(database, tx, person, now);
      return { id: row.id, counted: outcome.delivered ? 'delivered' : 'sent', retryAt: null };
    }
    const exhausted = outcome.kind === 'retry' && row.attempts >= MAX_SEND_ATTEMPTS;
    await insertAttempt(tx, {
      notificationId: row.id,
      at: now,
      provider: outcome.provider,
      outcome: outcome.kind === 'retry' && !exhausted ? 'retry' : 'failed',
      httpStatus: outcome.httpStatus ?? null,
      errorCode: outcome.code,
      error: outcome.message,
    });
    if (outcome.kind === 'retry' && !exhausted) {
      const retryAt = new Date(now.getTime() + retryDelayMs(row.attempts, outcome.retryAfterMs, random));
      await markRetry(database, tx, { id: row.id, provider: outcome.provider, code: outcome.code, message: outcome.message, nextAttemptAt: retryAt, at: now });
      return { id: row.id, counted: 'retried', retryAt };
    }
    const code = exhausted ? `${outcome.code}_TOO_MANY_ATTEMPTS` : outcome.code;
    if (await markFailed(database, tx, { id: row.id, provider: outcome.provider, code, message: outcome.message, at: now })) {
      const next = await promoteNextChannel(database, tx, person, now);
      if (next) await enqueueDelivery(deps.jobs, tx, [next]);
    }
    return { id: row.id, counted: 'failed', retryAt: null };
  });
}
