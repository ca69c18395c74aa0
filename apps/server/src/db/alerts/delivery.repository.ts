import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../database.js';
import { notificationAttempts } from '../schema.js';

/** Outbox rows travel as uuid[] literals; anything else in a payload is dropped before it reaches SQL. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.filter((id) => uuidPattern.test(id)).join(',')}}`;
}

export interface DueRow extends Record<string, unknown> {
  id: string;
  channel: string;
}

/** Which of `ids` are queued and due at `now` (read without locks: the claim decides). */
export async function dueAmong(database: Database, ids: readonly string[], now: Date): Promise<DueRow[]> {
  return database.rows<DueRow>(
    sql`SELECT id::text AS id, channel FROM notifications
        WHERE id = ANY(${uuidArray(ids)}::uuid[]) AND state = 'queued'
          AND (next_attempt_at IS NULL OR next_attempt_at <= ${now.toISOString()}::timestamptz)
        ORDER BY id`,
  );
}

export interface ClaimedRow extends Record<string, unknown> {
  id: string;
  notice_id: string;
  notice_kind: string;
  recipient_key: string;
  channel: string;
  channel_rank: number;
  address: string;
  language: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Marks `sending` (and counts the attempt) those of `ids` that are still queued and due, skipping rows another
 * worker holds. Run in its own committed transaction before the provider is called.
 */
export async function claimDueRows(database: Database, tx: Executor, ids: readonly string[], now: Date): Promise<ClaimedRow[]> {
  return database.rows<ClaimedRow>(
    sql`UPDATE notifications n SET state = 'sending', attempts = n.attempts + 1, claimed_by = ${database.instanceId},
          updated_at = ${now.toISOString()}::timestamptz
        FROM (SELECT id FROM notifications
              WHERE id = ANY(${uuidArray(ids)}::uuid[]) AND state = 'queued'
                AND (next_attempt_at IS NULL OR next_attempt_at <= ${now.toISOString()}::timestamptz)
              ORDER BY id FOR UPDATE SKIP LOCKED) c, event_notices e
        WHERE n.id = c.id AND e.id = n.notice_id
        RETURNING n.id::text AS id, n.notice_id::text AS notice_id, e.kind AS notice_kind, n.recipient_key, n.channel,
                  n.channel_rank, n.address, n.language, n.subject, n.body, n.attempts`,
    tx,
  );
}

export interface AttemptRecord {
  notificationId: string;
  at: Date;
  provider: string;
  outcome: 'sent' | 'retry' | 'failed' | 'status' | 'inbound';
  providerMessageId?: string | null;
  httpStatus?: number | null;
  errorCode?: string | null;
  error?: string | null;
}

export async function insertAttempt(on: Executor, a: AttemptRecord): Promise<void> {
  await on.insert(notificationAttempts).values({
    id: uuidv7(),
    notificationId: a.notificationId,
    at: a.at,
    provider: a.provider,
    outcome: a.outcome,
    providerMessageId: a.providerMessageId ?? null,
    httpStatus: a.httpStatus ?? null,
    errorCode: a.errorCode ?? null,
    error: a.error ?? null,
  });
}

/** A send the provider took: sent, or delivered at once (SMTP). Only a row still `sending` moves. */
export async function markSent(
  database: Database,
  tx: Executor,
  row: { id: string; provider: string; providerMessageId: string | null; delivered: boolean; at: Date },
): Promise<boolean> {
  const at = row.at.toISOString();
  const moved = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = ${row.delivered ? 'delivered' : 'sent'}, provider = ${row.provider},
          provider_message_id = coalesce(${row.providerMessageId}, provider_message_id), sent_at = ${at}::timestamptz,
          delivered_at = ${row.delivered ? sql`${at}::timestamptz` : sql`delivered_at`},
          next_attempt_at = NULL, last_error_code = NULL, last_error = NULL, updated_at = ${at}::timestamptz
        WHERE id = ${row.id} AND state = 'sending'
        RETURNING id::text AS id`,
    tx,
  );
  return moved.length > 0;
}

/**
 * Many rows the providers accepted, recorded with three statements whatever their number: the rows moved on (only
 * from `sending`), one attempt row each, and — for those delivered — the person's waiting later channels skipped.
 * Delivery's throughput is bound by these round trips (bench alerts.fanout.smtp), not by the sends.
 */
export async function markSentRows(
  database: Database,
  tx: Executor,
  rows: readonly { id: string; noticeId: string; recipientKey: string; channelRank: number; provider: string; providerMessageId: string | null; delivered: boolean; httpStatus: number | null }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const when = sql`${at.toISOString()}::timestamptz`;
  const input = JSON.stringify(
    rows.map((r) => ({ id: r.id, attempt_id: uuidv7(), provider: r.provider, message_id: r.providerMessageId, delivered: r.delivered, http_status: r.httpStatus })),
  );
  await database.rows(
    sql`UPDATE notifications n SET state = CASE WHEN i.delivered THEN 'delivered' ELSE 'sent' END, provider = i.provider,
          provider_message_id = coalesce(i.message_id, n.provider_message_id), sent_at = ${when},
          delivered_at = CASE WHEN i.delivered THEN ${when} ELSE n.delivered_at END,
          next_attempt_at = NULL, last_error_code = NULL, last_error = NULL, updated_at = ${when}
        FROM jsonb_to_recordset(${input}::jsonb) AS i(id uuid, attempt_id uuid, provider text, message_id text, delivered boolean, http_status int)
        WHERE n.id = i.id AND n.state = 'sending'`,
    tx,
  );
  await database.rows(
    sql`INSERT INTO notification_attempts (id, notification_id, at, provider, outcome, provider_message_id, http_status)
        SELECT i.attempt_id, i.id, ${when}, i.provider, 'sent', i.message_id, i.http_status
          FROM jsonb_to_recordset(${input}::jsonb) AS i(id uuid, attempt_id uuid, provider text, message_id text, delivered boolean, http_status int)`,
    tx,
  );
  const delivered = rows.filter((r) => r.delivered).map((r) => ({ notice_id: r.noticeId, recipient_key: r.recipientKey, channel_rank: r.channelRank }));
  if (delivered.length === 0) return;
  await database.rows(
    sql`UPDATE notifications n SET state = 'skipped', next_attempt_at = NULL, updated_at = ${when}
        FROM jsonb_to_recordset(${JSON.stringify(delivered)}::jsonb) AS p(notice_id uuid, recipient_key text, channel_rank int)
        WHERE n.notice_id = p.notice_id AND n.recipient_key = p.recipient_key AND n.channel_rank > p.channel_rank
          AND n.state = 'waiting'`,
    tx,
  );
}

/** A temporary failure: queued again for `nextAttemptAt`. */
export async function markRetry(
  database: Database,
  tx: Executor,
  row: { id: string; provider: string; code: string; message: string; nextAttemptAt: Date; at: Date },
): Promise<boolean> {
  const moved = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = 'queued', provider = ${row.provider}, next_attempt_at = ${row.nextAttemptAt.toISOString()}::timestamptz,
          last_error_code = ${row.code}, last_error = ${row.message}, updated_at = ${row.at.toISOString()}::timestamptz
        WHERE id = ${row.id} AND state = 'sending'
        RETURNING id::text AS id`,
    tx,
  );
  return moved.length > 0;
}

/** A permanent failure (or too many temporary ones). `fromStates`: callbacks may fail a sent row too. */
export async function markFailed(
  database: Database,
  tx: Executor,
  row: { id: string; provider: string; code: string; message: string; at: Date },
  fromStates: readonly string[] = ['sending'],
): Promise<{ id: string; notice_id: string; recipient_key: string; channel_rank: number } | null> {
  const [moved] = await database.rows<{ id: string; notice_id: string; recipient_key: string; channel_rank: number }>(
    sql`UPDATE notifications SET state = 'failed', provider = coalesce(provider, ${row.provider}), failed_at = ${row.at.toISOString()}::timestamptz,
          next_attempt_at = NULL, last_error_code = ${row.code}, last_error = ${row.message}, updated_at = ${row.at.toISOString()}::timestamptz
        WHERE id = ${row.id} AND state = ANY(${`{${fromStates.join(',')}}`}::text[])
        RETURNING id::text AS id, notice_id::text AS notice_id, recipient_key, channel_rank`,
    tx,
  );
  return moved ?? null;
}

/** The person reached on an earlier channel: their later channels for this notice are not needed. */
export async function skipLaterChannels(
  database: Database,
  tx: Executor,
  row: { noticeId: string; recipientKey: string; channelRank: number },
  at: Date,
): Promise<number> {
  const skipped = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = 'skipped', next_attempt_at = NULL, updated_at = ${at.toISOString()}::timestamptz
        WHERE notice_id = ${row.noticeId} AND recipient_key = ${row.recipientKey} AND channel_rank > ${row.channelRank}
          AND state = 'waiting'
        RETURNING id::text AS id`,
    tx,
  );
  return skipped.length;
}

/**
 * The person's channel of rank `channelRank` failed: their next waiting channel (the lowest rank above it) becomes
 * due now. Returns its id, to be enqueued in the same transaction.
 */
export async function promoteNextChannel(
  database: Database,
  tx: Executor,
  row: { noticeId: string; recipientKey: string; channelRank: number },
  at: Date,
): Promise<string | null> {
  const [next] = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = 'queued', next_attempt_at = ${at.toISOString()}::timestamptz, updated_at = ${at.toISOString()}::timestamptz
        WHERE id = (SELECT id FROM notifications
                    WHERE notice_id = ${row.noticeId} AND recipient_key = ${row.recipientKey}
                      AND channel_rank > ${row.channelRank} AND state = 'waiting'
                    ORDER BY channel_rank LIMIT 1 FOR UPDATE)
          AND state = 'waiting'
        RETURNING id::text AS id`,
    tx,
  );
  return next?.id ?? null;
}

/** Queued for a channel no longer configured: kept as `not_sent` for the outbox viewer. */
export async function markNotSent(database: Database, ids: readonly string[], at: Date): Promise<number> {
  const rows = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = 'not_sent', next_attempt_at = NULL, updated_at = ${at.toISOString()}::timestamptz
        WHERE id = ANY(${uuidArray(ids)}::uuid[]) AND state = 'queued'
        RETURNING id::text AS id`,
  );
  return rows.length;
}

/**
 * Those of `ids` still queued whose address opted out of their channel since the fan-out wrote them: marked
 * `opted_out` (shown, never silently dropped). Returns who they were for, so their next channel can be made due.
 */
export async function markOptedOut(
  database: Database,
  tx: Executor,
  ids: readonly string[],
  at: Date,
): Promise<{ id: string; notice_id: string; recipient_key: string; channel_rank: number }[]> {
  return database.rows(
    sql`UPDATE notifications n SET state = 'opted_out', next_attempt_at = NULL, updated_at = ${at.toISOString()}::timestamptz
        WHERE n.id = ANY(${uuidArray(ids)}::uuid[]) AND n.state = 'queued'
          AND EXISTS (SELECT 1 FROM channel_opt_outs o WHERE o.channel = n.channel
                      AND o.address = CASE WHEN n.channel = 'email' THEN lower(n.address) ELSE n.address END)
        RETURNING n.id::text AS id, n.notice_id::text AS notice_id, n.recipient_key, n.channel_rank`,
    tx,
  );
}
