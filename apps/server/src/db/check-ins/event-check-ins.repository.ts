import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface EventSchoolCheckInRow extends Record<string, unknown> {
  school_id: string;
  name: string;
  code: string | null;
  district_id: string | null;
  lon: number | null;
  lat: number | null;
  band: number;
  told_at: Date | string | null;
  delivered: boolean;
  status: string | null;
  students_present: number | null;
  staff_present: number | null;
  injured: number | null;
  missing: number | null;
  school_state: string | null;
  note: string | null;
  via: string | null;
  version: number | null;
  answered_at: Date | string | null;
}

/**
 * Every affected school of an event the viewer may see, with when its people were first told (any message about
 * this event concerning this school), whether one was delivered, and its answer. Strongest band first.
 */
export async function eventSchoolCheckIns(database: Database, on: Executor, viewer: Scope, eventId: string): Promise<EventSchoolCheckInRow[]> {
  return database.rows<EventSchoolCheckInRow>(
    sql`SELECT s.id::text AS school_id, s.name, s.code, e.district_id::text AS district_id,
          ST_X(s.location)::float8 AS lon, ST_Y(s.location)::float8 AS lat, e.band::int AS band,
          n.told_at, coalesce(n.delivered, false) AS delivered,
          c.status, c.students_present, c.staff_present, c.injured, c.missing, c.school_state, c.note, c.via,
          c.version, c.answered_at
        FROM hazard_event_schools e
        JOIN schools s ON s.id = e.school_id
        LEFT JOIN (
          SELECT school_id, min(created_at) AS told_at, bool_or(state IN ('delivered', 'read')) AS delivered
          FROM notifications WHERE event_id = ${eventId} AND school_id IS NOT NULL
          GROUP BY school_id
        ) n ON n.school_id = e.school_id
        LEFT JOIN check_ins c ON c.event_id = e.event_id AND c.school_id = e.school_id
        WHERE e.event_id = ${eventId} AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}
        ORDER BY e.band DESC, s.name, s.id`,
    on,
  );
}

export interface FollowUpContactRow extends Record<string, unknown> {
  school_id: string;
  role: 'focal_point' | 'head_teacher';
  name: string;
  phone: string;
}

/**
 * Work phone numbers of the adults to call about these schools: the registry's focal point and head teacher, and
 * active focal-point users whose scope names the school.
 */
export async function followUpContacts(database: Database, on: Executor, schoolIds: string[]): Promise<FollowUpContactRow[]> {
  if (schoolIds.length === 0) return [];
  const ids = sql`${`{${schoolIds.join(',')}}`}::uuid[]`;
  return database.rows<FollowUpContactRow>(
    sql`SELECT school_id, role, name, phone FROM (
          SELECT s.id::text AS school_id, 'focal_point' AS role, coalesce(s.safety_focal_point->>'name', '') AS name,
            s.safety_focal_point->>'phone' AS phone, 1 AS o
          FROM schools s WHERE s.id = ANY(${ids})
          UNION ALL
          SELECT s.id::text, 'head_teacher', coalesce(s.head_teacher->>'name', ''), s.head_teacher->>'phone', 2
          FROM schools s WHERE s.id = ANY(${ids})
          UNION ALL
          SELECT sid::text, 'focal_point', u.name, u.phone, 0
          FROM users u CROSS JOIN LATERAL unnest(u.scope_school_ids) AS sid
          WHERE u.role = 'school_focal_point' AND u.status = 'active' AND u.deleted_at IS NULL AND sid = ANY(${ids})
        ) c
        WHERE phone IS NOT NULL AND phone <> ''
        ORDER BY school_id, o, name`,
    on,
  );
}
