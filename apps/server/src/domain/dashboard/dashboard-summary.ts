import { dashboardCounts } from '../../db/dashboard/dashboard.repository.js';
import { requireActor, type Ctx } from '../shared/context.js';
import { figureTotal, type FigureTotal } from '../shared/figure-total.js';

export interface DashboardSummary {
  schools: number;
  /** Children over the schools with an enrolment, saying how many have one and how many do not. */
  children: FigureTotal;
  plans: number;
  plansApproved: number;
  drills: number;
  drillsLastSixMonths: number;
  areas: number;
}

export async function dashboardSummary(ctx: Ctx): Promise<DashboardSummary> {
  const { schoolsWithChildren, children, ...counts } = await dashboardCounts(
    ctx.database,
    ctx.tx,
    requireActor(ctx).scope,
    ctx.now,
  );
  return { ...counts, children: figureTotal(children, schoolsWithChildren, counts.schools) };
}
