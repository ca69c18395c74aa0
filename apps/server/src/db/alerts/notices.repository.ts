import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
import { eventNotices } from '../schema.js';

export type NoticeRow = typeof eventNotices.$inferSelect;
export type NewNotice = typeof eventNotices.$inferInsert;

/** The notice, or undefined when one with the same (event, content key) exists: the same content is never sent twice. */
export async function insertNotice(on: Executor, notice: NewNotice): Promise<NoticeRow | undefined> {
  const rows = await on
    .insert(eventNotices)
    .values(notice)
    .onConflictDoNothing({ target: [eventNotices.eventId, eventNotices.contentKey] })
    .returning();
  return rows[0];
}

export async function findNotice(on: Executor, eventId: string, contentKey: string): Promise<NoticeRow | undefined> {
  const rows = await on
    .select()
    .from(eventNotices)
    .where(and(eq(eventNotices.eventId, eventId), eq(eventNotices.contentKey, contentKey)))
    .limit(1);
  return rows[0];
}

export async function markNoticeQueued(on: Executor, id: string, recipients: number): Promise<void> {
  await on.update(eventNotices).set({ state: 'queued', recipients }).where(eq(eventNotices.id, id));
}

export async function countNoticesOfEvent(database: Database, on: Executor, eventId: string): Promise<number> {
  const rows = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM event_notices WHERE event_id = ${eventId}`,
    on,
  );
  return Number(rows[0]?.n ?? 0);
}

export interface NoticeListRow extends Record<string, unknown> {
  id: string;
  kind: string;
  rule_id: string | null;
  rule_name: string | null;
  rule_built_in: boolean | null;
  content_key: string;
  state: string;
  recipients: number;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  /** { state: count } over the rows the viewer may see. */
  by_state: Record<string, number> | null;
  schools: number;
}

/**
 * An event's notices with counts of their outbox rows by state, over the rows about schools in the viewer's scope
 * (`visibleSchool`: SQL on n.school_id / s.area_path) plus officer digests (no school) for those who see everything.
 */
export async function listNoticesOfEvent(
  database: Database,
  on: Executor,
  eventId: string,
  visible: { school: ReturnType<typeof sql>; digests: boolean },
): Promise<NoticeListRow[]> {
  return database.rows<NoticeListRow>(
    sql`SELECT e.id, e.kind, e.rule_id, r.name AS rule_name, r.built_in AS rule_built_in, e.content_key, e.state, e.recipients,
               e.created_by, u.name AS created_by_name, e.created_at,
               (SELECT jsonb_object_agg(state, n) FROM (
                  SELECT n.state, count(*)::int AS n FROM notifications n LEFT JOIN schools s ON s.id = n.school_id
                  WHERE n.notice_id = e.id AND (${visible.digests ? sql`n.school_id IS NULL OR ` : sql``}(n.school_id IS NOT NULL AND ${visible.school}))
                  GROUP BY n.state) c) AS by_state,
               (SELECT count(DISTINCT n.school_id)::int FROM notifications n JOIN schools s ON s.id = n.school_id
                 WHERE n.notice_id = e.id AND ${visible.school}) AS schools
        FROM event_notices e LEFT JOIN alert_rules r ON r.id = e.rule_id LEFT JOIN users u ON u.id = e.created_by
        WHERE e.event_id = ${eventId}
        ORDER BY e.created_at, e.id`,
    on,
  );
}

/** Records which schools a notice is about and at what band (idempotent: a resumed notice writes nothing new). */
export async function insertNoticeSchools(
  database: Database,
  on: Executor,
  noticeId: string,
  schools: readonly { id: string; band: number }[],
): Promise<void> {
  if (schools.length === 0) return;
  const input = JSON.stringify(schools.map((s) => ({ school_id: s.id, band: s.band })));
  await database.rows(
    sql`INSERT INTO notice_schools (notice_id, school_id, band)
        SELECT ${noticeId}::uuid, i.school_id, i.band FROM jsonb_to_recordset(${input}::jsonb) AS i(school_id uuid, band smallint)
        ON CONFLICT DO NOTHING`,
    on,
  );
}

/** The highest band each school was told about under `ruleId` for this event, by notices other than `exceptNoticeId`. */
export async function toldBands(
  database: Database,
  on: Executor,
  eventId: string,
  ruleId: string,
  exceptNoticeId: string | null,
): Promise<Map<string, number>> {
  const rows = await database.rows<{ school_id: string; band: number }>(
    sql`SELECT s.school_id, max(s.band)::int AS band
        FROM notice_schools s JOIN event_notices e ON e.id = s.notice_id
        WHERE e.event_id = ${eventId} AND e.rule_id = ${ruleId}
          ${exceptNoticeId ? sql`AND e.id <> ${exceptNoticeId}` : sql``}
        GROUP BY s.school_id`,
    on,
  );
  return new Map(rows.map((r) => [r.school_id, Number(r.band)]));
}

export interface ToldRow extends Record<string, unknown> {
  recipient_key: string;
  user_id: string | null;
  school_id: string | null;
  district_id: string | null;
  audience: string;
  recipient_name: string;
  language: string;
  channel: string;
  channel_rank: number;
  address: string;
  band: number | null;
}

/** Everyone told about the event before (one row per recipient and channel, their latest), for a cancellation. */
export async function toldRecipients(
  database: Database,
  on: Executor,
  eventId: string,
  exceptNoticeId: string | null,
): Promise<ToldRow[]> {
  return database.rows<ToldRow>(
    sql`SELECT DISTINCT ON (n.recipient_key, n.channel)
               n.recipient_key, n.user_id, n.school_id, n.district_id, n.audience, n.recipient_name, n.language, n.channel,
               n.channel_rank, n.address, n.band
        FROM notifications n JOIN event_notices e ON e.id = n.notice_id
        WHERE n.event_id = ${eventId} ${exceptNoticeId ? sql`AND e.id <> ${exceptNoticeId}` : sql``}
        ORDER BY n.recipient_key, n.channel, e.created_at DESC`,
    on,
  );
}
