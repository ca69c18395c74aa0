import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface ReadinessRow extends Record<string, unknown> {
  school_id: string;
  code: string | null;
  name: string;
  country_code: string | null;
  area_path: string[];
  plan_status: string | null;
  approved_on: string | null;
  approved: boolean;
  last_drill: string | null;
  /** Hazard → the day of the school's last drill for it. */
  last_drills: Record<string, string> | null;
  overall: number | null;
  rating: string | null;
  foundation: number | null;
  pillar1: number | null;
  pillar2: number | null;
  pillar3: number | null;
  hazards: number | null;
  flagged: boolean | null;
  /** The plan's task forces; null without a plan. */
  task_forces: unknown;
  /** The plan's sections that name hazards (drill schedule, procedures, hazard assessment). */
  drill_schedule: unknown;
  sops: unknown;
  hazard_assessment: unknown;
}

/**
 * One row per live school in scope (and area), in id order: its plan's status, approval and the sections that
 * name task forces and hazards, its last drill per hazard, and the scores and flag of its latest submitted
 * self-assessment.
 */
export async function readinessRows(database: Database, on: Executor, viewer: Scope, areaId?: string): Promise<ReadinessRow[]> {
  return database.rows<ReadinessRow>(
    sql`SELECT s.id::text AS school_id, s.code, s.name, s.country_code, s.area_path::text[] AS area_path,
          p.status AS plan_status, p.last_approved_on::text AS approved_on,
          coalesce(p.last_approved_on IS NOT NULL, false) AS approved,
          (SELECT max(d.held_on)::text FROM drills d WHERE d.school_id = s.id AND d.deleted_at IS NULL) AS last_drill,
          (SELECT jsonb_object_agg(x.hazard, x.last) FROM (
            SELECT d.hazard, max(d.held_on)::text AS last FROM drills d WHERE d.school_id = s.id AND d.deleted_at IS NULL GROUP BY d.hazard
          ) x) AS last_drills,
          a.overall_score::float8 AS overall, a.rating, a.foundation_score::float8 AS foundation, a.pillar1_score::float8 AS pillar1, a.pillar2_score::float8 AS pillar2,
          a.pillar3_score::float8 AS pillar3, (a.report->'pillars'->'hazards'->>'score')::float8 AS hazards, a.flagged,
          p.content -> 'taskForces' AS task_forces, p.content -> 'drillSchedule' AS drill_schedule, p.content -> 'sops' AS sops,
          p.content -> 'hazardAssessment' AS hazard_assessment
        FROM schools s
        LEFT JOIN sdm_plans p ON p.school_id = s.id AND p.deleted_at IS NULL
        LEFT JOIN LATERAL (
          SELECT * FROM assessments x WHERE x.school_id = s.id AND x.status = 'submitted' AND x.deleted_at IS NULL
          ORDER BY x.submitted_at DESC, x.id DESC LIMIT 1
        ) a ON true
        WHERE s.deleted_at IS NULL AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}
          ${areaId ? sql`AND s.area_path @> ARRAY[${areaId}]::uuid[]` : sql``}
        ORDER BY s.id`,
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
