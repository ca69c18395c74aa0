import { drillDate, drillTrend, dueDrills, formatIsoDate, type DrillDue, type DrillTrend } from '@safeschools/domain';
import { listDrillsOfSchool, type DrillRow } from '../../db/drills/drills.repository.js';
import { findVisiblePlanOfSchool } from '../../db/plans/plans.repository.js';
import { drillIntervalsByCountry, scheduleWith } from '../countries/drill-intervals.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { requireVisibleSchool } from '../plans/visible-school.js';
import { drillOfRow } from './drill-of-row.js';
import { schoolDrillHazards } from './school-drill-hazards.js';

/** More than a school holds in decades at two drills a hazard a year. */
const maxDrills = 500;

export interface SchoolDrills {
  rows: DrillRow[];
  trend: { classroomsOut: DrillTrend; assemblyPoint: DrillTrend };
  due: DrillDue[];
}

/** A school's drills with the trend of its times and the drills now due, per hazard of its plan, on its country's intervals. */
export async function listSchoolDrills(ctx: Ctx, schoolId: string): Promise<SchoolDrills> {
  const actor = requirePermission(ctx, 'safety.read');
  const school = await requireVisibleSchool(ctx, actor.scope, schoolId);
  const rows = await listDrillsOfSchool(ctx.tx, schoolId, maxDrills);
  const records = rows.map(drillOfRow);
  const plan = await findVisiblePlanOfSchool(ctx.tx, actor.scope, schoolId);
  const { hazards } = schoolDrillHazards(plan ? (plan.content as Parameters<typeof schoolDrillHazards>[0]) : null);
  const intervals = (await drillIntervalsByCountry(ctx, [school.countryCode]))(school.countryCode);
  const last = records.map((r) => ({ hazard: r.hazard, on: drillDate(r) }));
  return {
    rows,
    trend: { classroomsOut: drillTrend(records, 'classroomsOutSeconds'), assemblyPoint: drillTrend(records, 'assemblyPointSeconds') },
    due: dueDrills(scheduleWith(hazards, intervals), last, formatIsoDate(ctx.now)),
  };
}
