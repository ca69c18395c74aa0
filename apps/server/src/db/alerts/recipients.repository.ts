import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';

/**
 * Who can be told about a set of schools, read set-based (one statement per kind of person, whatever the number
 * of schools): focal-point users, registry contacts, and the officers over them. See docs/decisions/0006-alerting.md.
 */

/** A Postgres array literal of uuids, passed as one parameter (10,000 ids are one bind, not 10,000). */
export function uuidList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export interface AffectedSchoolRow extends Record<string, unknown> {
  school_id: string;
  name: string;
  area_path: string[];
  district_id: string | null;
  band: number;
  intensity: number;
}

/** The schools an event reaches, with what the rules weigh and what a message names. */
export async function affectedSchoolsOf(database: Database, on: Executor, eventId: string): Promise<AffectedSchoolRow[]> {
  const rows = await database.rows<AffectedSchoolRow>(
    sql`SELECT h.school_id, s.name, s.area_path, h.district_id, h.band, h.intensity
        FROM hazard_event_schools h JOIN schools s ON s.id = h.school_id AND s.deleted_at IS NULL
        WHERE h.event_id = ${eventId}
        ORDER BY h.band DESC, h.intensity DESC, s.name`,
    on,
  );
  return rows.map((r) => ({ ...r, band: Number(r.band), intensity: Number(r.intensity) }));
}

export interface FocalUserRow extends Record<string, unknown> {
  school_id: string;
  user_id: string;
  name: string;
  email: string;
  phone: string | null;
  channels: string[];
  language: string;
}

/** Active focal-point users whose scope names one of the schools (one row per user and school). */
export async function focalUsersOf(database: Database, on: Executor, schoolIds: readonly string[]): Promise<FocalUserRow[]> {
  if (schoolIds.length === 0) return [];
  return database.rows<FocalUserRow>(
    sql`SELECT fs.school_id, u.id AS user_id, u.name, u.email, u.phone, u.channels, u.language
        FROM users u CROSS JOIN LATERAL unnest(u.scope_school_ids) AS fs(school_id)
        JOIN unnest(${uuidList(schoolIds)}) AS w(id) ON w.id = fs.school_id
        WHERE u.role = 'school_focal_point' AND u.status = 'active' AND u.deleted_at IS NULL
        ORDER BY fs.school_id, u.id`,
    on,
  );
}

export interface ContactPerson {
  name?: string;
  phone?: string;
  email?: string;
}

export interface SchoolContactsRow extends Record<string, unknown> {
  school_id: string;
  focal: ContactPerson | null;
  head: ContactPerson | null;
}

/** The registry's contacts of the schools (`safety_focal_point`, `head_teacher`), where it has any. */
export async function registryContactsOf(
  database: Database,
  on: Executor,
  schoolIds: readonly string[],
): Promise<SchoolContactsRow[]> {
  if (schoolIds.length === 0) return [];
  return database.rows<SchoolContactsRow>(
    sql`SELECT s.id AS school_id, s.safety_focal_point AS focal, s.head_teacher AS head
        FROM schools s JOIN unnest(${uuidList(schoolIds)}) AS w(id) ON w.id = s.id
        WHERE s.safety_focal_point IS NOT NULL OR s.head_teacher IS NOT NULL`,
    on,
  );
}

export interface OfficerCoverRow extends Record<string, unknown> {
  user_id: string;
  school_id: string;
}

/**
 * Which active users of `roles` cover which of the schools (an area of theirs on the school's path, or the school
 * named in their scope). Joined through unnested paths and scopes, so it is hash joins, not arrays compared per pair.
 */
export async function officersOver(
  database: Database,
  on: Executor,
  schoolIds: readonly string[],
  roles: readonly string[],
): Promise<OfficerCoverRow[]> {
  if (schoolIds.length === 0 || roles.length === 0) return [];
  const roleList = sql`${`{${roles.join(',')}}`}::text[]`;
  return database.rows<OfficerCoverRow>(
    sql`WITH officers AS (
          SELECT id, scope_area_ids, scope_school_ids FROM users
          WHERE role = ANY(${roleList}) AND status = 'active' AND deleted_at IS NULL
        ),
        wanted AS (SELECT unnest(${uuidList(schoolIds)}) AS id),
        by_area AS (
          SELECT DISTINCT o.id AS user_id, s.id AS school_id
          FROM officers o CROSS JOIN LATERAL unnest(o.scope_area_ids) AS oa(area_id)
          JOIN (SELECT s.id, p.area_id FROM wanted w JOIN schools s ON s.id = w.id CROSS JOIN LATERAL unnest(s.area_path) AS p(area_id)) s
            ON s.area_id = oa.area_id
        ),
        by_school AS (
          SELECT o.id AS user_id, os.school_id
          FROM officers o CROSS JOIN LATERAL unnest(o.scope_school_ids) AS os(school_id)
          JOIN wanted w ON w.id = os.school_id
        )
        SELECT user_id, school_id FROM by_area UNION SELECT user_id, school_id FROM by_school`,
    on,
  );
}

export interface PersonRow extends Record<string, unknown> {
  id: string;
  role: string;
  name: string;
  email: string;
  phone: string | null;
  channels: string[];
  language: string;
}

export async function peopleByIds(database: Database, on: Executor, userIds: readonly string[]): Promise<PersonRow[]> {
  if (userIds.length === 0) return [];
  return database.rows<PersonRow>(
    sql`SELECT u.id, u.role, u.name, u.email, u.phone, u.channels, u.language FROM users u JOIN unnest(${uuidList(userIds)}) AS w(id) ON w.id = u.id`,
    on,
  );
}

/** The SOP steps for `hazard` of each school's latest approved plan version (schools without any are absent). */
export async function approvedPlanSteps(
  database: Database,
  on: Executor,
  schoolIds: readonly string[],
  hazard: string,
): Promise<Map<string, string[]>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await database.rows<{ school_id: string; steps: string[] | null }>(
    sql`SELECT p.school_id,
               (SELECT jsonb_agg(step ORDER BY sop_no, step_no)
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v.content->'sops') = 'array' THEN v.content->'sops' ELSE '[]'::jsonb END)
                       WITH ORDINALITY AS sop(value, sop_no),
                     jsonb_array_elements_text(CASE WHEN jsonb_typeof(sop.value->'steps') = 'array' THEN sop.value->'steps' ELSE '[]'::jsonb END)
                       WITH ORDINALITY AS st(step, step_no)
                WHERE sop.value->>'hazard' = ${hazard}) AS steps
        FROM sdm_plans p JOIN unnest(${uuidList(schoolIds)}) AS w(id) ON w.id = p.school_id
        JOIN LATERAL (SELECT content FROM sdm_plan_versions v WHERE v.plan_id = p.id ORDER BY v.plan_version DESC LIMIT 1) v ON true
        WHERE p.deleted_at IS NULL`,
    on,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.steps && r.steps.length > 0) out.set(r.school_id, r.steps);
  return out;
}

/** The (channel, address) pairs among these that have opted out, as `channel address` strings. */
export async function optedOut(database: Database, on: Executor, addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const list = sql`${`{${addresses.map((a) => `"${a.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
  const rows = await database.rows<{ channel: string; address: string }>(
    sql`SELECT channel, address FROM channel_opt_outs WHERE address = ANY(${list})`,
    on,
  );
  return new Set(rows.map((r) => `${r.channel} ${r.address}`));
}
