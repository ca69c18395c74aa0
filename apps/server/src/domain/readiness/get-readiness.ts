import { formatIsoDate, readinessFigures, type ReadinessFigure } from '@safeschools/domain';
import type { Ctx } from '../shared/context.js';
import { schoolReadiness } from './school-readiness.js';

const figure = (x: ReadinessFigure) => ({ count: x.count, percent: x.percent, schoolIds: [...x.schoolIds] });

/** The readiness dashboard of an area (or everything the caller may see): the domain computes the figures. */
export async function getReadiness(ctx: Ctx, query: { area?: string }) {
  const schools = await schoolReadiness(ctx, query);
  const today = formatIsoDate(ctx.now);
  const f = readinessFigures(schools.map((s) => s.summary), today);
  return {
    areaId: query.area ?? null,
    asOf: today,
    schools: f.schools,
    approvedPlan: figure(f.approvedPlan),
    drilledRecently: figure(f.drilledRecently),
    taskForcesTrained: figure(f.taskForcesTrained),
    flagged: figure(f.flagged),
    noPlan: figure(f.noPlan),
    overdueDrill: figure(f.overdueDrill),
    pillarDistribution: Object.fromEntries(Object.entries(f.pillarDistribution).map(([p, h]) => [p, { buckets: h.buckets.map((b) => ({ ...b })), unscored: h.unscored }])),
  };
}
