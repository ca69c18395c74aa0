import { dueDrills, formatIsoDate, type DrillDue, type SafetyHazard } from '@safeschools/domain';
import { lastDrillsOfSchools, listSchoolHazardSources } from '../../db/drills/drills-due.repository.js';
import { drillIntervalsByCountry, scheduleWith } from '../countries/drill-intervals.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../shared/cursor.js';
import { schoolDrillHazards } from './school-drill-hazards.js';

export interface SchoolDueDrills {
  schoolId: string;
  schoolName: string;
  schoolCode: string | null;
  hazardsFrom: 'plan' | 'default';
  drills: DrillDue[];
}

/**
 * Drills due at each school in the caller's scope, on its country's intervals, a page of schools at a time.
 * `overdueOnly` keeps the schools with an overdue drill; the page may then hold fewer than `limit` schools, and
 * `nextCursor` still goes on.
 */
export async function listDueDrills(
  ctx: Ctx,
  query: { area?: string; overdueOnly?: 'true' | 'false'; cursor?: string; limit: number },
): Promise<{ items: SchoolDueDrills[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx, 'safety.read');
  const schools = await listSchoolHazardSources(ctx.tx, actor.scope, {
    limit: query.limit,
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}),
  });
  const last = await lastDrillsOfSchools(ctx.tx, schools.map((s) => s.schoolId));
  const heldBySchool = new Map<string, { hazard: SafetyHazard; on: string }[]>();
  for (const d of last) heldBySchool.set(d.schoolId, [...(heldBySchool.get(d.schoolId) ?? []), { hazard: d.hazard as SafetyHazard, on: d.on }]);
  const intervalsOf = await drillIntervalsByCountry(ctx, schools.map((s) => s.countryCode));
  const today = formatIsoDate(ctx.now);
  const items = schools.map((school) => {
    const { hazards, from } = schoolDrillHazards(school);
    const drills = dueDrills(scheduleWith(hazards, intervalsOf(school.countryCode)), heldBySchool.get(school.schoolId) ?? [], today).sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
    return { schoolId: school.schoolId, schoolName: school.schoolName, schoolCode: school.schoolCode, hazardsFrom: from, drills };
  });
  const lastSchool = schools.at(-1);
  return {
    items: query.overdueOnly === 'true' ? items.filter((s) => s.drills.some((d) => d.overdue)) : items,
    nextCursor: schools.length === query.limit && lastSchool ? encodePageCursor(lastSchool.schoolId) : null,
  };
}
