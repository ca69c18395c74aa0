import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { assessments } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export type AssessmentRow = typeof assessments.$inferSelect;

// An assessment is visible when its school is: by the school's area path, or the school named in the scope.
const visible = (viewer: Scope) => schoolVisibleTo(viewer, assessments.schoolId, assessments.areaPath);

export async function findAssessment(on: Executor, id: string): Promise<AssessmentRow | undefined> {
  const rows = await on.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  return rows[0];
}

export async function findVisibleAssessment(on: Executor, viewer: Scope, id: string): Promise<AssessmentRow | undefined> {
  const rows = await on.select().from(assessments).where(and(eq(assessments.id, id), isNull(assessments.deletedAt), visible(viewer))).limit(1);
  return rows[0];
}

export async function insertAssessment(on: Executor, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  return (await on.insert(assessments).values(row).returning())[0]!;
}

/** Writes when the stored version is `expected`; undefined when someone else changed it first. */
export async function updateAssessment(on: Executor, id: string, expected: number, changes: Partial<typeof assessments.$inferInsert>): Promise<AssessmentRow | undefined> {
  const rows = await on
    .update(assessments)
    .set({ ...changes, version: sql`${assessments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(assessments.id, id), eq(assessments.version, expected)))
    .returning();
  return rows[0];
}

export async function listSchoolAssessmentRows(on: Executor, schoolId: string, filter: { afterId?: string; limit: number }): Promise<AssessmentRow[]> {
  const where = [eq(assessments.schoolId, schoolId), isNull(assessments.deletedAt)];
  // UUIDv7 ids grow with time: newest first is id descending.
  if (filter.afterId) where.push(lt(assessments.id, filter.afterId));
  return on.select().from(assessments).where(and(...where)).orderBy(desc(assessments.id)).limit(filter.limit);
}

export interface GroupScoreRow extends Record<string, unknown> {
  school_id: string;
  score: number | null;
}

/** The overall score of each school's latest submitted assessment inside an area (for ranking within it). */
export async function latestScoresIn(database: Database, on: Executor, areaId: string): Promise<GroupScoreRow[]> {
  return database.rows<GroupScoreRow>(
    sql`SELECT DISTINCT ON (a.school_id) a.school_id::text AS school_id, a.overall_score::float8 AS score
        FROM assessments a JOIN schools s ON s.id = a.school_id AND s.deleted_at IS NULL
        WHERE a.status = 'submitted' AND a.deleted_at IS NULL AND s.area_path @> ARRAY[${areaId}]::uuid[]
        ORDER BY a.school_id, a.submitted_at DESC, a.id DESC`,
    on,
  );
}

export interface FlaggedRow extends Record<string, unknown> {
  school_id: string;
  school_name: string;
  school_code: string | null;
  assessment_id: string;
  submitted_at: Date | string;
  priority: 'urgent' | 'high' | 'normal';
  reasons: { code: string; detail: string }[];
  pillar1_score: number | null;
  inspected: boolean;
}

/** Schools whose latest submitted assessment is flagged, within scope (and an area), most urgent first. */
export async function flaggedSchoolRows(database: Database, on: Executor, viewer: Scope, query: { areaId?: string; limit: number }): Promise<FlaggedRow[]> {
  return database.rows<FlaggedRow>(
    sql`SELECT * FROM (
          SELECT DISTINCT ON (a.school_id) a.school_id::text AS school_id, s.name AS school_name, s.code AS school_code,
            a.id::text AS assessment_id, a.submitted_at, a.triage_priority AS priority, a.triage_reasons AS reasons,
            a.pillar1_score::float8 AS pillar1_score, a.flagged,
            EXISTS (SELECT 1 FROM inspections i WHERE i.school_id = a.school_id AND i.deleted_at IS NULL AND i.inspected_on >= a.submitted_at::date) AS inspected
          FROM assessments a JOIN schools s ON s.id = a.school_id AND s.deleted_at IS NULL
          WHERE a.status = 'submitted' AND a.deleted_at IS NULL AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}
            ${query.areaId ? sql`AND s.area_path @> ARRAY[${query.areaId}]::uuid[]` : sql``}
          ORDER BY a.school_id, a.submitted_at DESC, a.id DESC
        ) latest
        WHERE latest.flagged
        ORDER BY CASE latest.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, latest.pillar1_score NULLS FIRST, latest.school_name
        LIMIT ${query.limit}`,
    on,
  );
}

export interface AreaOnPathRow extends Record<string, unknown> {
  id: string;
  level: string;
  name: string;
}

/**
 * The block and district a school lies in, from its area path. Not scope-filtered: whoever may see the school may
 * know its own rank there (a position and a count, nothing about other schools).
 */
export async function rankingAreas(database: Database, on: Executor, path: string[]): Promise<AreaOnPathRow[]> {
  if (path.length === 0) return [];
  return database.rows<AreaOnPathRow>(
    sql`SELECT a.id::text AS id, a.level, a.name FROM areas a
        WHERE a.id = ANY(${`{${path.join(',')}}`}::uuid[]) AND a.level IN ('block', 'district')
        ORDER BY cardinality(a.path) DESC`,
    on,
  );
}
