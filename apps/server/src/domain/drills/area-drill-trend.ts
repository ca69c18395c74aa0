import { drillTrend, type DrillRecord, type DrillTimes, type DrillTrend } from '@safeschools/domain';
import { listVisibleDrillRecords } from '../../db/drills/drills.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Enough for a large district's last few years at two drills per hazard a year; older drills barely move a slope. */
const maxDrills = 20_000;

export interface AreaDrillTrend {
  schools: number;
  drills: number;
  classroomsOut: DrillTrend;
  assemblyPoint: DrillTrend;
}

/** The slope over every drill, but one point per month (the mean), so a district's chart stays readable. */
function monthly(records: readonly DrillRecord[], stage: keyof DrillTimes): DrillTrend {
  const trend = drillTrend(records, stage);
  const months = new Map<string, number[]>();
  for (const p of trend.points) months.set(p.on.slice(0, 7), [...(months.get(p.on.slice(0, 7)) ?? []), p.seconds]);
  const points = [...months].map(([month, values]) => ({ on: `${month}-01`, seconds: Math.round(values.reduce((a, b) => a + b, 0) / values.length) }));
  return { ...trend, points };
}

/** How drill times move across all schools the caller sees, or those in one area (issue 4 §3: trend per district). */
export async function areaDrillTrend(ctx: Ctx, query: { area?: string }): Promise<AreaDrillTrend> {
  const actor = requirePermission(ctx, 'safety.read');
  const records = (await listVisibleDrillRecords(ctx.tx, actor.scope, { limit: maxDrills, ...(query.area ? { areaId: query.area } : {}) })) as unknown as DrillRecord[];
  return {
    schools: new Set(records.map((r) => r.schoolId)).size,
    drills: records.length,
    classroomsOut: monthly(records, 'classroomsOutSeconds'),
    assemblyPoint: monthly(records, 'assemblyPointSeconds'),
  };
}
