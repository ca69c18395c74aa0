import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';

/** Outbox rows, check-in links and unsubscribe links, written set-based by the fan-out. */

export interface OutboxInsert {
  id: string;
  notice_id: string;
  event_id: string;
  school_id: string | null;
  district_id: string | null;
  recipient_key: string;
  user_id: string | null;
  audience: string;
  band: number | null;
  recipient_name: string;
  language: string;
  channel: string;
  channel_rank: number;
  address: string;
  subject: string;
  body: string;
  state: string;
  next_attempt_at: string | null;
}

/** Recipients of the notice among `keys` who already have rows (a resumed fan-out leaves them as written). */
export async function recipientsWritten(
  database: Database,
  on: Executor,
  noticeId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await database.rows<{ recipient_key: string }>(
    sql`SELECT DISTINCT n.recipient_key FROM notifications n
        WHERE n.notice_id = ${noticeId} AND n.recipient_key = ANY(SELECT json_array_elements_text(${JSON.stringify(keys)}::json))`,
    on,
  );
  return new Set(rows.map((r) => r.recipient_key));
}

/** Inserts outbox rows (ON CONFLICT DO NOTHING); returns those written by this call. */
export async function insertOutboxRows(
  database: Database,
  on: Executor,
  rows: readonly OutboxInsert[],
): Promise<{ id: string; state: string; channel_rank: number }[]> {
  if (rows.length === 0) return [];
  return database.rows<{ id: string; state: string; channel_rank: number }>(
    sql`INSERT INTO notifications (id, notice_id, event_id, school_id, district_id, recipient_key, user_id, audience, band, recipient_name,
                                   language, channel, channel_rank, address, subject, body, state, next_attempt_at)
        SELECT x.id, x.notice_id, x.event_id, x.school_id, x.district_id, x.recipient_key, x.user_id, x.audience, x.band, x.recipient_name,
               x.language, x.channel, x.channel_rank, x.address, x.subject, x.body, x.state, x.next_attempt_at
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(
          id uuid, notice_id uuid, event_id uuid, school_id uuid, district_id uuid, recipient_key text, user_id uuid, audience text,
          band smallint, recipient_name text, language text, channel text, channel_rank smallint, address text, subject text, body text,
          state text, next_attempt_at timestamptz)
        ON CONFLICT (notice_id, recipient_key, channel) DO NOTHING
        RETURNING id, state, channel_rank`,
    on,
  );
}

export interface CheckInLinkInsert {
  token_hash: string;
  event_id: string;
  school_id: string;
  recipient_key: string;
  notification_id: string | null;
  expires_at: string;
}

export async function insertCheckInLinks(database: Database, on: Executor, rows: readonly CheckInLinkInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await database.rows(
    sql`INSERT INTO check_in_links (token_hash, event_id, school_id, recipient_key, notification_id, expires_at)
        SELECT x.token_hash, x.event_id, x.school_id, x.recipient_key, x.notification_id, x.expires_at
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(token_hash text, event_id uuid, school_id uuid, recipient_key text, notification_id uuid, expires_at timestamptz)
        ON CONFLICT (token_hash) DO NOTHING`,
    on,
  );
}

export async function insertOptOutLinks(
  database: Database,
  on: Executor,
  rows: readonly { token_hash: string; channel: string; address: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await database.rows(
    sql`INSERT INTO opt_out_links (token_hash, channel, address)
        SELECT x.token_hash, x.channel, x.address FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(token_hash text, channel text, address text)
        ON CONFLICT (token_hash) DO NOTHING`,
    on,
  );
}
