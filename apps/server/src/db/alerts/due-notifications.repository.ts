import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';

/**
 * Rows left `sending` by a server that died between the claim and the outcome: claimed by an instance not among
 * `live` (at once), or — when who is alive cannot be told (`live` null), or the claimer is unrecorded — since
 * before `before` (a live server settles a send within a minute). Queued again, due now; whether the provider got
 * the first call is unknown.
 */
export async function requeueStuckSending(
  database: Database,
  tx: Executor,
  live: ReadonlySet<string> | null,
  before: Date,
  now: Date,
): Promise<string[]> {
  const gone = live
    ? sql`(claimed_by IS NOT NULL AND NOT (claimed_by = ANY(${`{${[...live].map((id) => `"${id}"`).join(',')}}`}::text[])))`
    : sql`false`;
  const rows = await database.rows<{ id: string }>(
    sql`UPDATE notifications SET state = 'queued', next_attempt_at = ${now.toISOString()}::timestamptz,
          last_error_code = 'SEND_INTERRUPTED', claimed_by = NULL, updated_at = ${now.toISOString()}::timestamptz
        WHERE id IN (SELECT id FROM notifications
                      WHERE state = 'sending' AND (${gone} OR updated_at < ${before.toISOString()}::timestamptz)
                     FOR UPDATE SKIP LOCKED)
        RETURNING id::text AS id`,
    tx,
  );
  return rows.map((r) => r.id);
}

/**
 * Fallback rows whose time has come: `waiting`, due, and no earlier channel of that person for that notice was
 * delivered or read (those are skipped instead). Returns the ids made due.
 */
export async function promoteDueFallbacks(database: Database, tx: Executor, now: Date): Promise<{ queued: string[]; skipped: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const reached = sql`EXISTS (SELECT 1 FROM notifications e WHERE e.notice_id = w.notice_id AND e.recipient_key = w.recipient_key
                             AND e.channel_rank < w.channel_rank AND e.state IN ('delivered', 'read'))`;
  const skipped = await database.rows<{ id: string }>(
    sql`UPDATE notifications w SET state = 'skipped', next_attempt_at = NULL, updated_at = ${at}
        WHERE w.state = 'waiting' AND w.next_attempt_at <= ${at} AND ${reached}
        RETURNING w.id::text AS id`,
    tx,
  );
  const queued = await database.rows<{ id: string }>(
    sql`UPDATE notifications w SET state = 'queued', updated_at = ${at}
        WHERE w.state = 'waiting' AND w.next_attempt_at <= ${at} AND NOT ${reached}
        RETURNING w.id::text AS id`,
    tx,
  );
  return { queued: queued.map((r) => r.id), skipped: skipped.length };
}

/**
 * Queued, due rows that no waiting or running `alerts.deliver` job names (their job was lost: cancelled by the
 * interrupted-work sweep, or its server died before re-queueing a retry). Reads pg-boss's job table.
 */
export async function orphanedDueRows(database: Database, jobKind: string, now: Date, limit: number): Promise<string[]> {
  const rows = await database.rows<{ id: string }>(
    sql`SELECT n.id::text AS id FROM notifications n
        WHERE n.state = 'queued' AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= ${now.toISOString()}::timestamptz)
          AND n.id::text NOT IN (
            SELECT jsonb_array_elements_text(j.data -> 'notificationIds') FROM pgboss.job j
            WHERE j.name = ${jobKind} AND j.state IN ('created', 'retry', 'active'))
        ORDER BY n.id LIMIT ${limit}`,
  );
  return rows.map((r) => r.id);
}
