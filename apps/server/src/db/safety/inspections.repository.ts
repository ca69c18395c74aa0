import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../database.js';
import { inspections } from '../schema.js';
import { schoolChildren } from '../schools/school-children.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export type InspectionRow = typeof inspections.$inferSelect;

export async function findInspection(on: Executor, id: string): Promise<InspectionRow | undefined> {
  return (await on.select().from(inspections).where(eq(inspections.id, id)).limit(1))[0];
}

export async function insertInspection(on: Executor, row: typeof inspections.$inferInsert): Promise<InspectionRow> {
  return (await on.insert(inspections).values(row).returning())[0]!;
}

export async function updateInspection(on: Executor, id: string, expected: number, changes: Partial<typeof inspections.$inferInsert>): Promise<InspectionRow | undefined> {
  const rows = await on
    .update(inspections)
    .set({ ...changes, version: sql`${inspections.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(inspections.id, id), eq(inspections.version, expected)))
    .returning();
  return rows[0];
}

export async function schoolInspectionRows(on: Executor, schoolId: string): Promise<InspectionRow[]> {
  return on.select().from(inspections).where(and(eq(inspections.schoolId, schoolId), isNull(inspections.deletedAt))).orderBy(desc(inspections.inspectedOn), desc(inspections.id));
}

export interface LatestInspectionRow extends Record<string, unknown> {
  school_id: string;
  school_name: string;
  school_code: string | null;
  /** NULL when the school has no enrolment. */
  children: number | null;
  record: Record<string, unknown>;
}

/**
 * The latest inspection of each building of each school in scope (and area): a school with several blocks is a
 * candidate once per block, each with its own intervention and cost.
 */
export async function latestInspections(database: Database, on: Executor, viewer: Scope, areaId?: string): Promise<LatestInspectionRow[]> {
  return database.rows<LatestInspectionRow>(
    sql`SELECT DISTINCT ON (i.school_id, i.record->>'buildingName') i.school_id::text AS school_id, s.name AS school_name, s.code AS school_code,
          ${schoolChildren('s')} AS children, i.record
        FROM inspections i JOIN schools s ON s.id = i.school_id AND s.deleted_at IS NULL
        WHERE i.deleted_at IS NULL AND ${schoolVisibleTo(viewer, sql`s.id`, sql`s.area_path`)}
          ${areaId ? sql`AND s.area_path @> ARRAY[${areaId}]::uuid[]` : sql``}
        ORDER BY i.school_id, i.record->>'buildingName', i.inspected_on DESC, i.id DESC`,
    on,
  );
}
