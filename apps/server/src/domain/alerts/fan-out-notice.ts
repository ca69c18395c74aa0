import { uuidv7 } from 'uuidv7';
import { withUnsubscribe } from '@safeschools/domain';
import type { Database, Executor } from '../../db/database.js';
import { markNoticeQueued } from '../../db/alerts/notices.repository.js';
import { optedOut } from '../../db/alerts/recipients.repository.js';
import {
  insertCheckInLinks,
  insertOptOutLinks,
  insertOutboxRows,
  recipientsWritten,
  type CheckInLinkInsert,
  type OutboxInsert,
} from '../../db/alerts/outbox.repository.js';
import type { Channels } from '../../channels/channel.js';
import type { Config } from '../../config/config.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { enqueueDelivery } from './alert-jobs.js';
import { publicBase, type AlertRecipient } from './alert-recipient.js';

/** Recipients per transaction: a batch is all or nothing, and a resumed fan-out skips the batches written. */
export const FAN_OUT_BATCH = 5_000;
/** Outbox rows per `alerts.deliver` job. */
export const DELIVERY_JOB_ROWS = 500;
export const CHECK_IN_LINK_DAYS = 14;

export interface FanOutDeps {
  database: Database;
  jobs: JobQueue;
  channels: Pick<Channels, 'get'>;
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT' | 'ALERT_FALLBACK_MINUTES'>;
}

export interface FanOutInput {
  noticeId: string;
  eventId: string;
  recipients: readonly AlertRecipient[];
  now: Date;
  /** Recipients per transaction; FAN_OUT_BATCH unless a test or benchmark asks for another. */
  batchSize?: number;
}

export interface FanOutResult {
  /** Recipients whose rows this run wrote (0 when an earlier run wrote them all). */
  written: number;
  rows: number;
  queued: number;
  optedOut: number;
  notSent: number;
  deliveryJobs: number;
}

/**
 * Writes a notice's outbox: per recipient one row per channel (the first live channel `queued`, later ones
 * `waiting` for the fallback, opted-out ones `opted_out`, channels with no adapter `not_sent`), a check-in link
 * for a message about one school, an unsubscribe link per e-mail, and the delivery jobs of the queued rows — in
 * batches of `FAN_OUT_BATCH` recipients, each batch one transaction. Recipients with rows are skipped, so a run
 * after a crash finishes the fan-out without writing or sending anything twice. Then the notice is `queued`.
 * `tx`: run every batch inside this transaction instead (a manual send: the request's transaction).
 */
export async function fanOutNotice(deps: FanOutDeps, input: FanOutInput, tx?: Executor): Promise<FanOutResult> {
  const result: FanOutResult = { written: 0, rows: 0, queued: 0, optedOut: 0, notSent: 0, deliveryJobs: 0 };
  const inTx = <T>(work: (on: Executor) => Promise<T>): Promise<T> =>
    tx ? work(tx) : deps.database.db.transaction((t) => work(t));
  const size = Math.min(input.batchSize ?? FAN_OUT_BATCH, FAN_OUT_BATCH);
  for (let i = 0; i < input.recipients.length; i += size) {
    const batch = input.recipients.slice(i, i + size);
    await inTx((on) => writeBatch(deps, input, batch, on, result));
  }
  const total = new Set(input.recipients.map((r) => r.key)).size;
  await inTx((on) => markNoticeQueued(on, input.noticeId, total));
  return result;
}

async function writeBatch(
  deps: FanOutDeps,
  input: FanOutInput,
  batch: readonly AlertRecipient[],
  on: Executor,
  result: FanOutResult,
): Promise<void> {
  const { database } = deps;
  const done = await recipientsWritten(
    database,
    on,
    input.noticeId,
    batch.map((r) => r.key),
  );
  const todo = batch.filter((r) => !done.has(r.key));
  if (todo.length === 0) return;
  const opted = await optedOut(database, on, [...new Set(todo.flatMap((r) => r.channels.map((c) => c.address)))]);
  const base = publicBase(deps.config);
  const fallbackMs = deps.config.ALERT_FALLBACK_MINUTES * 60_000;
  const expires = new Date(input.now.getTime() + CHECK_IN_LINK_DAYS * 86_400_000).toISOString();
  const rows: OutboxInsert[] = [];
  const links: CheckInLinkInsert[] = [];
  const unsubscribes: { token_hash: string; channel: string; address: string }[] = [];
  for (const r of todo) {
    let link = `${base}/events/${input.eventId}`;
    let checkIn: CheckInLinkInsert | null = null;
    if (r.schoolId) {
      const token = newSecret();
      link = `${base}/c/${token}`;
      checkIn = {
        token_hash: hashSecret(token),
        event_id: input.eventId,
        school_id: r.schoolId,
        recipient_key: r.key,
        notification_id: null,
        expires_at: expires,
      };
      links.push(checkIn);
    }
    const message = r.compose(link);
    const live = r.channels.filter((c) => !opted.has(`${c.channel} ${c.address}`) && deps.channels.get(c.channel) !== null);
    const dead = r.channels.filter((c) => !live.includes(c));
    [...live, ...dead].forEach((c, rank) => {
      const isLive = rank < live.length;
      const state = isLive
        ? rank === 0
          ? 'queued'
          : 'waiting'
        : opted.has(`${c.channel} ${c.address}`)
          ? 'opted_out'
          : 'not_sent';
      let body = c.channel === 'email' ? message.body : message.sms;
      if (c.channel === 'email') {
        const token = newSecret();
        unsubscribes.push({ token_hash: hashSecret(token), channel: c.channel, address: c.address });
        body = withUnsubscribe(body, `${base}/u/${token}`, r.language);
      }
      const row: OutboxInsert = {
        id: uuidv7(),
        notice_id: input.noticeId,
        event_id: input.eventId,
        school_id: r.schoolId,
        district_id: r.districtId,
        recipient_key: r.key,
        user_id: r.userId,
        audience: r.audience,
        band: r.band,
        recipient_name: r.name,
        language: r.language,
        channel: c.channel,
        channel_rank: rank,
        address: c.address,
        subject: message.subject,
        body,
        state,
        next_attempt_at: state === 'waiting' ? new Date(input.now.getTime() + rank * fallbackMs).toISOString() : null,
      };
      if (checkIn && rank === 0) checkIn.notification_id = row.id;
      rows.push(row);
    });
  }
  const inserted = await insertOutboxRows(database, on, rows);
  const insertedIds = new Set(inserted.map((r) => r.id));
  await insertCheckInLinks(
    database,
    on,
    links.filter((l) => l.notification_id === null || insertedIds.has(l.notification_id)),
  );
  await insertOptOutLinks(database, on, unsubscribes);
  const queued = inserted.filter((r) => r.state === 'queued').map((r) => r.id);
  for (let k = 0; k < queued.length; k += DELIVERY_JOB_ROWS) {
    await enqueueDelivery(deps.jobs, on, queued.slice(k, k + DELIVERY_JOB_ROWS));
    result.deliveryJobs += 1;
  }
  result.written += todo.length;
  result.rows += inserted.length;
  result.queued += queued.length;
  result.optedOut += inserted.filter((r) => r.state === 'opted_out').length;
  result.notSent += inserted.filter((r) => r.state === 'not_sent').length;
}
