import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { drills, schools } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';
import { schoolRecordList, type SchoolRecordFilter } from '../sync/school-record-list.js';

export type DrillRow = typeof drills.$inferSelect;
export type NewDrill = typeof drills.$inferInsert;

const visible = (viewer: Scope) => schoolVisibleTo(viewer, schools.id, schools.areaPath);
const live = and(isNull(drills.deletedAt), isNull(schools.deletedAt));

export async function insertDrill(on: Executor, drill: NewDrill): Promise<DrillRow | undefined> {
  const rows = await on.insert(drills).values(drill).onConflictDoNothing().returning();
  return rows[0];
}

export async function findVisibleDrill(on: Executor, viewer: Scope, id: string): Promise<DrillRow | undefined> {
  const rows = await on
    .select({ drill: drills })
    .from(drills)
    .innerJoin(schools, eq(schools.id, drills.schoolId))
    .where(and(eq(drills.id, id), live, visible(viewer)))
    .limit(1);
  return rows[0]?.drill;
}

/** A school's drills, newest first; the caller has already checked the school is visible. */
export async function listDrillsOfSchool(on: Executor, schoolId: string, limit: number): Promise<DrillRow[]> {
  return on
    .select()
    .from(drills)
    .where(and(eq(drills.schoolId, schoolId), isNull(drills.deletedAt)))
    .orderBy(desc(drills.heldOn), desc(drills.id))
    .limit(limit);
}

/** Optimistic update of the record and the figures kept beside it. */
export async function updateDrill(
  on: Executor,
  id: string,
  expectedVersion: number,
  changes: Pick<DrillRow, 'record' | 'openActions'>,
): Promise<DrillRow | undefined> {
  const rows = await on
    .update(drills)
    .set({ ...changes, version: sql`${drills.version} + 1` })
    .where(and(eq(drills.id, id), eq(drills.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** The newest drill records of every visible school (in an area when given), for trends over many schools. */
export async function listVisibleDrillRecords(on: Executor, viewer: Scope, filter: { areaId?: string; limit: number }): Promise<DrillRow['record'][]> {
  const rows = await on
    .select({ record: drills.record })
    .from(drills)
    .innerJoin(schools, eq(schools.id, drills.schoolId))
    .where(and(live, visible(viewer), filter.areaId ? sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]` : undefined))
    .orderBy(desc(drills.heldOn))
    .limit(filter.limit);
  return rows.map((r) => r.record);
}

/** Drills of visible schools, a page in id order or, with `sinceSeq`, the changes after it (see schoolRecordList). */
export async function listVisibleDrills(on: Executor, viewer: Scope, filter: SchoolRecordFilter & { hazard?: string }): Promise<DrillRow[]> {
  const { where, orderBy } = schoolRecordList(drills, viewer, filter, filter.hazard ? [eq(drills.hazard, filter.hazard)] : []);
  const rows = await on.select({ drill: drills }).from(drills).innerJoin(schools, eq(schools.id, drills.schoolId)).where(where).orderBy(orderBy).limit(filter.limit);
  return rows.map((r) => r.drill);
}

export async function maxDrillChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${drills.changeSeq}), 0)`.mapWith(Number) }).from(drills);
  return rows[0]?.n ?? 0;
}
