import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { drills, schools, sdmPlans } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export interface SchoolHazardSources {
  schoolId: string;
  schoolName: string;
  schoolCode: string | null;
  countryCode: string | null;
  /** The plan's sections that name hazards; null when the school has no plan. */
  drillSchedule: unknown;
  sops: unknown;
  hazardAssessment: unknown;
}

/** A page of visible schools, by id, with only the parts of their plan that name hazards. */
export async function listSchoolHazardSources(
  on: Executor,
  viewer: Scope,
  filter: { areaId?: string; afterId?: string; limit: number },
): Promise<SchoolHazardSources[]> {
  const where: (SQL | undefined)[] = [isNull(schools.deletedAt), schoolVisibleTo(viewer, schools.id, schools.areaPath)];
  if (filter.areaId) where.push(sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.afterId) where.push(gt(schools.id, filter.afterId));
  return on
    .select({
      schoolId: schools.id,
      schoolName: schools.name,
      schoolCode: schools.code,
      countryCode: schools.countryCode,
      drillSchedule: sql<unknown>`${sdmPlans.content} -> 'drillSchedule'`,
      sops: sql<unknown>`${sdmPlans.content} -> 'sops'`,
      hazardAssessment: sql<unknown>`${sdmPlans.content} -> 'hazardAssessment'`,
    })
    .from(schools)
    .leftJoin(sdmPlans, and(eq(sdmPlans.schoolId, schools.id), isNull(sdmPlans.deletedAt)))
    .where(and(...where))
    .orderBy(asc(schools.id))
    .limit(filter.limit);
}

/** The last drill per school and hazard, for the schools given. */
export async function lastDrillsOfSchools(on: Executor, schoolIds: readonly string[]): Promise<{ schoolId: string; hazard: string; on: string }[]> {
  if (schoolIds.length === 0) return [];
  return on
    .select({ schoolId: drills.schoolId, hazard: drills.hazard, on: sql<string>`max(${drills.heldOn})::text` })
    .from(drills)
    .where(and(inArray(drills.schoolId, [...schoolIds]), isNull(drills.deletedAt)))
    .groupBy(drills.schoolId, drills.hazard);
}
