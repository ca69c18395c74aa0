import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.js';
import { eventNotices, notifications } from '../db/schema.js';

const none = { total: 0, schoolsWithFigure: 0, schoolsWithoutFigure: 0 };
const noSchoolsSummary = { schools: 0, children: none, girls: none, boys: none, expectedByDamageState: [] };

/** An event (no impact rows) and one notice of it, for outbox tests that start after the fan-out. */
export async function buildNotice(database: Database, input: { title?: string; kind?: 'alert' | 'update' | 'cancel' | 'manual' } = {}): Promise<{ eventId: string; noticeId: string }> {
  const eventId = uuidv7();
  const noticeId = uuidv7();
  await database.rows(
    // With the totals every written event has (no schools), so lists that present them can read it.
    sql`INSERT INTO hazard_events (id, kind, title, imt, computed_at, summary) VALUES (${eventId}, 'cap', ${input.title ?? 'Test alert'}, 'INSIDE', now(), ${JSON.stringify(noSchoolsSummary)}::jsonb)`,
  );
  await database.db.insert(eventNotices).values({ id: noticeId, eventId, kind: input.kind ?? 'alert', contentKey: `test:${noticeId}`, state: 'queued' });
  return { eventId, noticeId };
}

export interface OutboxRowInput {
  recipientKey: string;
  channel: 'email' | 'sms' | 'whatsapp';
  address: string;
  channelRank?: number;
  state?: string;
  nextAttemptAt?: Date | null;
  schoolId?: string | null;
  districtId?: string | null;
  userId?: string | null;
  language?: 'en' | 'hi' | 'ja';
  subject?: string;
  body?: string;
}

/** Outbox rows as the fan-out writes them; returns their ids in input order. */
export async function buildOutboxRows(database: Database, notice: { eventId: string; noticeId: string }, rows: OutboxRowInput[]): Promise<string[]> {
  const ids = rows.map(() => uuidv7());
  await database.db.insert(notifications).values(
    rows.map((r, i) => ({
      id: ids[i]!,
      noticeId: notice.noticeId,
      eventId: notice.eventId,
      schoolId: r.schoolId ?? null,
      districtId: r.districtId ?? null,
      recipientKey: r.recipientKey,
      userId: r.userId ?? null,
      audience: 'focal_point',
      recipientName: r.recipientKey,
      language: r.language ?? 'en',
      channel: r.channel,
      channelRank: r.channelRank ?? 0,
      address: r.address,
      subject: r.subject ?? 'Alert',
      body: r.body ?? `Alert for ${r.recipientKey}`,
      state: r.state ?? 'queued',
      nextAttemptAt: r.nextAttemptAt ?? null,
    })),
  );
  return ids;
}

export interface OutboxRowState extends Record<string, unknown> {
  id: string;
  state: string;
  attempts: number;
  provider: string | null;
  provider_message_id: string | null;
  next_attempt_at: Date | null;
  last_error_code: string | null;
}

export async function outboxRow(database: Database, id: string): Promise<OutboxRowState> {
  const [row] = await database.rows<OutboxRowState>(
    sql`SELECT id::text AS id, state, attempts, provider, provider_message_id, next_attempt_at, last_error_code FROM notifications WHERE id = ${id}`,
  );
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

export async function attemptsOf(database: Database, id: string): Promise<{ outcome: string; provider_message_id: string | null; error_code: string | null; http_status: number | null }[]> {
  return database.rows(
    sql`SELECT outcome, provider_message_id, error_code, http_status FROM notification_attempts WHERE notification_id = ${id} ORDER BY at, id`,
  );
}
