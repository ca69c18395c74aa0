import { findUnsubscribeUrl } from '@safeschools/domain';
import type { ChannelAdapter, ChannelName, Channels, Language, OutgoingMessage, SendOutcome } from '../../channels/channel.js';
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { claimDueRows, dueAmong, markNotSent, markOptedOut, markSentRows, promoteNextChannel, type ClaimedRow } from '../../db/alerts/delivery.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { enqueueDelivery, type DeliverNotificationsPayload } from './alert-jobs.js';
import { SEND_TIMEOUT_MS } from './delivery-policy.js';
import { recordSendOutcome, type OutcomeEffects } from './record-send-outcome.js';

export interface DeliveryDeps {
  database: Database;
  jobs: JobQueue;
  /** Adapters and each channel's token bucket (shared by every sender in this process). */
  channels: Pick<Channels, 'get' | 'bucket'>;
  config: Pick<Config, 'SMS_DLT_TEMPLATES' | 'WHATSAPP_TEMPLATE'>;
  /** Injected in tests; the wall clock otherwise. */
  clock?: () => Date;
  random?: () => number;
}

export interface DeliveryReport {
  sent: number;
  delivered: number;
  retried: number;
  failed: number;
  /** Queued for a channel that is no longer configured: kept for the outbox viewer. */
  notSent: number;
  /** The address opted out of the channel after the fan-out: not sent, the person's next channel made due. */
  optedOut: number;
}

/**
 * Rows claimed at once per channel: at most a bucket's burst, so a claimed row waits for no token. Small enough that
 * a kill between the providers' answers and the chunk's commit re-sends few messages (the fault test counts them:
 * with 100, 158 raw second copies of 8,913 over 6 kills), large enough that recording is not the bottleneck.
 */
const MAX_CHUNK = 25;

/**
 * The `alerts.deliver` job: sends those of its outbox rows that are queued and due. Per channel, it takes a
 * chunk's tokens from the channel's bucket, claims the chunk (`sending`, attempt counted, committed), sends the rows
 * concurrently and records each outcome with its attempt row. Idempotent: rows already claimed, sent or not yet due
 * are left alone, so a job run twice (or two jobs naming one row) sends a row once.
 */
export async function deliverNotifications(
  deps: DeliveryDeps,
  payload: DeliverNotificationsPayload,
  signal: AbortSignal,
): Promise<DeliveryReport> {
  const clock = deps.clock ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, delivered: 0, retried: 0, failed: 0, notSent: 0, optedOut: 0 };
  report.optedOut = await skipOptedOut(deps, payload.notificationIds, clock());
  const due = await dueAmong(deps.database, payload.notificationIds, clock());
  const byChannel = new Map<ChannelName, string[]>();
  for (const row of due) {
    const channel = row.channel as ChannelName;
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), row.id]);
  }
  await Promise.all(
    [...byChannel].map(async ([channel, ids]) => {
      const adapter = deps.channels.get(channel);
      if (!adapter) {
        report.notSent += await markNotSent(deps.database, ids, clock());
        return;
      }
      await deliverOnChannel(deps, adapter, ids, signal, report, clock);
    }),
  );
  return report;
}

/** Opt-outs are read again before sending: a STOP that arrived after the fan-out is honoured. */
async function skipOptedOut(deps: DeliveryDeps, ids: readonly string[], now: Date): Promise<number> {
  const { database } = deps;
  return database.db.transaction(async (tx) => {
    const rows = await markOptedOut(database, tx, ids, now);
    const next: string[] = [];
    for (const row of rows) {
      const id = await promoteNextChannel(database, tx, { noticeId: row.notice_id, recipientKey: row.recipient_key, channelRank: row.channel_rank }, now);
      if (id) next.push(id);
    }
    await enqueueDelivery(deps.jobs, tx, next);
    return rows.length;
  });
}

async function deliverOnChannel(
  deps: DeliveryDeps,
  adapter: ChannelAdapter,
  ids: string[],
  signal: AbortSignal,
  report: DeliveryReport,
  clock: () => Date,
): Promise<void> {
  const bucket = deps.channels.bucket(adapter.channel);
  const chunkSize = Math.max(1, Math.min(MAX_CHUNK, bucket.burst));
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    try {
      for (let i = 0; i < chunk.length; i++) await bucket.take(signal);
    } catch (error) {
      if (signal.aborted) return; // Shutting down: nothing of the chunk was claimed.
      throw error;
    }
    const claimed = await deps.database.db.transaction((tx) => claimDueRows(deps.database, tx, chunk, clock()));
    const outcomes = await Promise.all(claimed.map((row) => sendOne(deps, adapter, row, signal)));
    // Accepted sends (nearly all) are recorded together, in one transaction; other answers one by one.
    const accepted = claimed.flatMap((row, i) => {
      const outcome = outcomes[i]!;
      return outcome.kind === 'sent' ? [{ row, outcome }] : [];
    });
    const now = clock();
    await deps.database.db.transaction((tx) =>
      markSentRows(
        deps.database,
        tx,
        accepted.map(({ row, outcome }) => ({
          id: row.id,
          noticeId: row.notice_id,
          recipientKey: row.recipient_key,
          channelRank: row.channel_rank,
          provider: outcome.provider,
          providerMessageId: outcome.providerMessageId,
          delivered: outcome.delivered,
          httpStatus: outcome.httpStatus ?? null,
        })),
        now,
      ),
    );
    const effects: OutcomeEffects[] = accepted.map(({ row, outcome }) => ({ id: row.id, counted: outcome.delivered ? 'delivered' : 'sent', retryAt: null }));
    for (const [i, row] of claimed.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.kind !== 'sent') effects.push(await recordSendOutcome(deps, row, outcome, now, deps.random ?? Math.random));
    }
    const retries = effects.filter((e): e is OutcomeEffects & { retryAt: Date } => e.retryAt !== null);
    for (const e of effects) report[e.counted] += 1;
    if (retries.length > 0) {
      // One job for the chunk's retries, when the last of them is due; the due sweep covers a crash before this.
      const latest = Math.max(...retries.map((e) => e.retryAt.getTime()));
      const seconds = Math.max(1, Math.ceil((latest - clock().getTime()) / 1000));
      await enqueueDelivery(deps.jobs, null, retries.map((e) => e.id), seconds);
    }
  }
}

async function sendOne(deps: DeliveryDeps, adapter: ChannelAdapter, row: ClaimedRow, signal: AbortSignal): Promise<SendOutcome> {
  const outcome = await callAdapter(adapter, outgoingMessage(deps.config, adapter.channel, row), signal);
  if (outcome.kind === 'retry' && outcome.httpStatus === 429 && outcome.retryAfterMs !== undefined) {
    deps.channels.bucket(adapter.channel).pauseFor(outcome.retryAfterMs);
  }
  return outcome;
}

/** Adapters classify every provider answer; a throw (a bug, an abort) counts as a temporary failure. */
async function callAdapter(adapter: ChannelAdapter, message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
  try {
    return await adapter.send(message, AbortSignal.any([signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]));
  } catch (error) {
    const aborted = signal.aborted || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'));
    return {
      kind: 'retry',
      provider: adapter.provider,
      code: aborted ? 'SEND_ABORTED' : 'ADAPTER_ERROR',
      message: error instanceof Error ? error.message.slice(0, 500) : 'send failed',
    };
  }
}

function outgoingMessage(config: DeliveryDeps['config'], channel: ChannelName, row: ClaimedRow): OutgoingMessage {
  const dlt = config.SMS_DLT_TEMPLATES[row.notice_kind];
  // The fan-out put the message's own unsubscribe link on the body's last line (only its hash is stored), so the
  // List-Unsubscribe header is read back from there.
  const unsubscribeUrl = channel === 'email' ? findUnsubscribeUrl(row.body) : undefined;
  return {
    notificationId: row.id,
    to: row.address,
    language: row.language as Language,
    subject: row.subject,
    body: row.body,
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
    ...(channel === 'sms' && dlt ? { dltTemplateId: dlt } : {}),
    ...(channel === 'whatsapp' && config.WHATSAPP_TEMPLATE
      ? { whatsappTemplate: { name: config.WHATSAPP_TEMPLATE, language: row.language, parameters: [row.body] } }
      : {}),
  };
}
