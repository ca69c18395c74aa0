import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database } from '../database.js';
import { pathVisibleTo, schoolVisibleTo } from '../scope/scope-filter.js';

export interface DeliveryLogRow extends Record<string, unknown> {
  id: string;
  notice_id: string;
  notice_kind: string;
  school_id: string | null;
  school_name: string | null;
  district_id: string | null;
  district_name: string | null;
  audience: string;
  recipient_name: string;
  address: string;
  language: string;
  channel: string;
  channel_rank: number;
  state: string;
  attempts: number;
  provider: string | null;
  last_error_code: string | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

export interface DeliveryLogFilter {
  state?: string | undefined;
  channel?: string | undefined;
  schoolId?: string | undefined;
  areaId?: string | undefined;
}

/**
 * Outbox rows the reader may see: those of schools in their scope, officers' rows of districts in it, and their
 * own. Rows of other places are not there at all (same as missing).
 */
function visible(scope: Scope, userId: string): SQL {
  if (scope.kind === 'all') return sql`true`;
  return sql`((n.school_id IS NOT NULL AND ${schoolVisibleTo(scope, sql`s.id`, sql`s.area_path`)})
           OR (n.school_id IS NULL AND d.id IS NOT NULL AND ${pathVisibleTo(scope, sql`d.path`)})
           OR n.user_id = ${userId})`;
}

function filtered(f: DeliveryLogFilter): SQL {
  const parts: SQL[] = [];
  if (f.state) parts.push(sql`n.state = ${f.state}`);
  if (f.channel) parts.push(sql`n.channel = ${f.channel}`);
  if (f.schoolId) parts.push(sql`n.school_id = ${f.schoolId}`);
  if (f.areaId) parts.push(sql`(s.area_path @> ARRAY[${f.areaId}]::uuid[] OR d.path @> ARRAY[${f.areaId}]::uuid[])`);
  return parts.length ? sql.join(parts.map((p) => sql` AND ${p}`)) : sql``;
}

const joins = sql`FROM notifications n
  JOIN event_notices e ON e.id = n.notice_id
  LEFT JOIN schools s ON s.id = n.school_id
  LEFT JOIN areas d ON d.id = n.district_id`;

export async function eventExists(database: Database, eventId: string): Promise<boolean> {
  const rows = await database.rows(sql`SELECT 1 FROM hazard_events WHERE id = ${eventId} AND deleted_at IS NULL`);
  return rows.length > 0;
}

/** One page in id order (UUIDv7: the order written), after `afterId`; `limit + 1` rows tell whether more follow. */
export async function deliveryLogPage(
  database: Database,
  input: { eventId: string; scope: Scope; userId: string; filter: DeliveryLogFilter; afterId: string | null; limit: number },
): Promise<DeliveryLogRow[]> {
  return database.rows<DeliveryLogRow>(
    sql`SELECT n.id::text AS id, n.notice_id::text AS notice_id, e.kind AS notice_kind, n.school_id::text AS school_id, s.name AS school_name,
               n.district_id::text AS district_id, d.name AS district_name, n.audience, n.recipient_name, n.address, n.language,
               n.channel, n.channel_rank, n.state, n.attempts, n.provider, n.last_error_code, n.next_attempt_at, n.sent_at,
               n.delivered_at, n.failed_at, n.created_at
        ${joins}
        WHERE n.event_id = ${input.eventId} AND ${visible(input.scope, input.userId)} ${filtered(input.filter)}
          ${input.afterId ? sql`AND n.id > ${input.afterId}` : sql``}
        ORDER BY n.id LIMIT ${input.limit + 1}`,
  );
}

export interface DeliveryCountRow extends Record<string, unknown> {
  state: string;
  channel: string;
  district_id: string | null;
  district_name: string | null;
  n: number;
}

/** Counts by state × channel × district, within the reader's scope. */
export async function deliveryCounts(database: Database, input: { eventId: string; scope: Scope; userId: string }): Promise<DeliveryCountRow[]> {
  return database.rows<DeliveryCountRow>(
    sql`SELECT n.state, n.channel, n.district_id::text AS district_id, d.name AS district_name, count(*)::int AS n
        ${joins}
        WHERE n.event_id = ${input.eventId} AND ${visible(input.scope, input.userId)}
        GROUP BY n.state, n.channel, n.district_id, d.name`,
  );
}

export interface OutboxRow extends Record<string, unknown> {
  id: string;
  event_id: string;
  event_title: string;
  channel: string;
  address: string;
  recipient_name: string;
  language: string;
  subject: string;
  body: string;
  created_at: Date;
}

/** Messages kept because no channel was configured, newest first, before `beforeId`. */
export async function notSentPage(database: Database, beforeId: string | null, limit: number): Promise<OutboxRow[]> {
  return database.rows<OutboxRow>(
    sql`SELECT n.id::text AS id, n.event_id::text AS event_id, h.title AS event_title, n.channel, n.address, n.recipient_name,
               n.language, n.subject, n.body, n.created_at
        FROM notifications n JOIN hazard_events h ON h.id = n.event_id
        WHERE n.state = 'not_sent' ${beforeId ? sql`AND n.id < ${beforeId}` : sql``}
        ORDER BY n.id DESC LIMIT ${limit + 1}`,
  );
}
