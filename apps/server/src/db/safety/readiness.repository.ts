import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface ReadinessRow extends Record<string, unknown> {
  school_id: string;
  approved: boolean;
  last_drill: string | null;
  foundation: number | null;
  pillar1: number | null;
  pillar2: number | null;
  pillar3: number | null;
  hazards: number | null;
  flagged: boolean | null;
  plan_content: Record<string, unknown> | null;
}

/**
 * One row per live school in scope (and area): whether it has an approved plan, its last drill, the pillar scores
 * and flag of its latest submitted self-assessment, and its plan's content (for the task forces).
 */
export async function readinessRows(database: Database, on: Executor, viewer: Scope, areaId?: string): Promise<ReadinessRow[]> {
  return database.rows<ReadinessRow>(
    sql`SELECT s.id::text AS school_id,
          coalesce(p.last_approved_on IS NOT NULL, false) AS approved,
          (SELECT max(d.held_on)::text FROM drills d WHERE d.school_id = s.id AND d.deleted_at IS NULL) AS last_drill,
          a.foundation_score::float8 AS foundation, a.pillar1_score::float8 AS pillar1, a.pillar2_score::float8 AS pillar2,
          a.pillar3_score::float8 AS pillar3, (a.report->'pillars'->'hazards'->>'score')::float8 AS hazards, a.flagged,
          CASE WHEN p.content ? 'taskForces' THEN p.content ELSE NULL END AS plan_content
        FROM schools s
        LEFT JOIN sdm_plans p ON p.school_id = s.id AND p.deleted_at IS NULL
        LEFT JOIN LATERAL (
          SELECT * FROM assessments x WHERE x.school_id = s.id AND x.status = 'submitted' AND x.deleted_at IS NULL
          ORDER BY x.submitted_at DESC, x.id DESC LIMIT 1
        ) a ON true
        WHERE s.deleted_at IS NULL AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}
          ${areaId ? sql`AND s.area_path @> ARRAY[${areaId}]::uuid[]` : sql``}`,
    on,
  );
}

export interface SessionRow extends Record<string, unknown> {
  school_id: string;
  record: Record<string, unknown>;
}

export async function trainingSessionsOf(database: Database, on: Executor, schoolIds: string[]): Promise<SessionRow[]> {
  if (schoolIds.length === 0) return [];
  return database.rows<SessionRow>(
    sql`SELECT school_id::text AS school_id, record FROM training_sessions WHERE deleted_at IS NULL AND school_id = ANY(${`{${schoolIds.join(',')}}`}::uuid[])`,
    on,
  );
}
