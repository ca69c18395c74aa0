import { findVisiblePlanOfSchool, type PlanRow } from '../../db/plans/plans.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { requireVisibleSchool } from './visible-school.js';

/** The school's plan; PLAN_NOT_FOUND while the school (in scope) has none yet. */
export async function getSchoolPlan(ctx: Ctx, schoolId: string): Promise<PlanRow> {
  const actor = requirePermission(ctx, 'safety.read');
  await requireVisibleSchool(ctx, actor.scope, schoolId);
  const plan = await findVisiblePlanOfSchool(ctx.tx, actor.scope, schoolId);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', 'This school has no plan yet.');
  return plan;
}
