import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { schools, sdmPlans, sdmPlanVersions } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export type PlanRow = typeof sdmPlans.$inferSelect;
export type NewPlan = typeof sdmPlans.$inferInsert;
export type PlanChanges = Partial<
  Pick<PlanRow, 'status' | 'content' | 'planVersion' | 'submittedBy' | 'lastApprovedOn' | 'reviewDueOn' | 'returnComments' | 'sectionsNeedingUpdate' | 'history'>
>;

// Visibility follows the school's current place, not the path copied when the plan was made, so a school
// moved to another district takes its plan along at once.
const visible = (viewer: Scope) => schoolVisibleTo(viewer, schools.id, schools.areaPath);
const live = and(isNull(sdmPlans.deletedAt), isNull(schools.deletedAt));

export async function findVisiblePlanOfSchool(on: Executor, viewer: Scope, schoolId: string): Promise<PlanRow | undefined> {
  const rows = await on
    .select({ plan: sdmPlans })
    .from(sdmPlans)
    .innerJoin(schools, eq(schools.id, sdmPlans.schoolId))
    .where(and(eq(sdmPlans.schoolId, schoolId), live, visible(viewer)))
    .limit(1);
  return rows[0]?.plan;
}

export async function findVisiblePlan(on: Executor, viewer: Scope, id: string): Promise<PlanRow | undefined> {
  const rows = await on
    .select({ plan: sdmPlans })
    .from(sdmPlans)
    .innerJoin(schools, eq(schools.id, sdmPlans.schoolId))
    .where(and(eq(sdmPlans.id, id), live, visible(viewer)))
    .limit(1);
  return rows[0]?.plan;
}

/** Undefined when the school got a plan meanwhile (one living plan per school). */
export async function insertPlan(on: Executor, plan: NewPlan): Promise<PlanRow | undefined> {
  const rows = await on.insert(sdmPlans).values(plan).onConflictDoNothing().returning();
  return rows[0];
}

/** Optimistic update: undefined when the row's version is no longer `expectedVersion`. */
export async function updatePlan(on: Executor, id: string, expectedVersion: number, changes: PlanChanges): Promise<PlanRow | undefined> {
  const rows = await on
    .update(sdmPlans)
    .set({ ...changes, version: sql`${sdmPlans.version} + 1` })
    .where(and(eq(sdmPlans.id, id), eq(sdmPlans.version, expectedVersion)))
    .returning();
  return rows[0];
}

/**
 * Marks sections for update without raising the row's version: it does not touch the content, so a draft being
 * edited at the same time must not conflict with it. The change sequence still moves, so syncing clients see it.
 */
export async function setSectionsNeedingUpdate(on: Executor, id: string, sections: readonly string[]): Promise<void> {
  await on.update(sdmPlans).set({ sectionsNeedingUpdate: [...sections] }).where(eq(sdmPlans.id, id));
}

export async function insertPlanVersion(on: Executor, row: typeof sdmPlanVersions.$inferInsert): Promise<void> {
  await on.insert(sdmPlanVersions).values(row);
}

export interface PlanListRow {
  plan: PlanRow;
  schoolName: string;
  schoolCode: string | null;
}

export async function listVisiblePlans(
  on: Executor,
  viewer: Scope,
  filter: { areaId?: string; status?: string; reviewDueBefore?: string; afterId?: string; limit: number },
): Promise<PlanListRow[]> {
  const where: (SQL | undefined)[] = [live, visible(viewer)];
  if (filter.areaId) where.push(sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.status) where.push(eq(sdmPlans.status, filter.status));
  if (filter.reviewDueBefore) where.push(sql`${sdmPlans.reviewDueOn} < ${filter.reviewDueBefore}::date`);
  if (filter.afterId) where.push(gt(sdmPlans.id, filter.afterId));
  return on
    .select({ plan: sdmPlans, schoolName: schools.name, schoolCode: schools.code })
    .from(sdmPlans)
    .innerJoin(schools, eq(schools.id, sdmPlans.schoolId))
    .where(and(...where))
    .orderBy(asc(sdmPlans.id))
    .limit(filter.limit);
}
