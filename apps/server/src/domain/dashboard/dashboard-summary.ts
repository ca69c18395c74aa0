import { dashboardCounts, type DashboardCounts } from '../../db/dashboard/dashboard.repository.js';
import { requireActor, type Ctx } from '../shared/context.js';

export async function dashboardSummary(ctx: Ctx): Promise<DashboardCounts> {
  return dashboardCounts(ctx.database, ctx.tx, requireActor(ctx).scope, ctx.now);
}
