import type { ErrorCode } from '@safeschools/contract';
import { formatIsoDate, transitionPlan, type PlanAction, type SafetyProblem } from '@safeschools/domain';
import { findVisiblePlan, insertPlanVersion, updatePlan, type PlanRow } from '../../db/plans/plans.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { planOfRow, rowChangesOf } from './plan-of-row.js';

export interface MovePlanInput {
  action: PlanAction['type'];
  comments?: string;
  version: number;
}

/** The domain's refusals as API errors; anything else the domain refuses is a rule of the plan (submit). */
const refusalCodes: Readonly<Record<string, ErrorCode>> = {
  PLAN_TRANSITION_INVALID: 'PLAN_TRANSITION_REFUSED',
  PLAN_TRANSITION_FORBIDDEN: 'FORBIDDEN',
  PLAN_SELF_APPROVAL: 'PLAN_SELF_APPROVAL',
  PLAN_RETURN_COMMENTS_MISSING: 'VALIDATION_FAILED',
};

function refusal(problems: readonly SafetyProblem[]): AppError {
  const first = problems[0];
  const code = (first && refusalCodes[first.code]) ?? 'PLAN_INCOMPLETE';
  const detail = code === 'PLAN_INCOMPLETE' ? `The plan is not ready: ${problems.length} problem(s) to fix.` : first?.message;
  return new AppError(code, detail, problems);
}

function actionOf(input: MovePlanInput): PlanAction {
  return input.action === 'return' ? { type: 'return', comments: input.comments ?? '' } : { type: input.action };
}

/**
 * Moves a plan along its approval chain (domain `transitionPlan`). Approval keeps a copy of the approved content
 * in the plan's versions, so what was approved can always be shown even after the plan is revised.
 */
export async function movePlan(ctx: Ctx, planId: string, input: MovePlanInput): Promise<PlanRow> {
  const approving = input.action === 'approve' || input.action === 'return';
  const actor = requirePermission(ctx, approving ? 'safety.approve' : 'safety.write');
  const row = await findVisiblePlan(ctx.tx, actor.scope, planId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', `This plan was changed meanwhile (version ${row.version}).`);
  const today = formatIsoDate(ctx.now);
  const result = transitionPlan(planOfRow(row), actionOf(input), { userId: actor.userId, role: actor.role }, today);
  if (!result.ok) throw refusal(result.problems);
  const updated = await updatePlan(ctx.tx, row.id, row.version, rowChangesOf(result.plan));
  if (!updated) throw new AppError('VERSION_CONFLICT', 'This plan was changed meanwhile.');
  if (input.action === 'approve') {
    await insertPlanVersion(ctx.tx, {
      planId: row.id,
      planVersion: result.plan.version,
      content: result.plan.content as unknown as Record<string, unknown>,
      approvedOn: today,
      approvedBy: actor.userId,
    });
  }
  await audit(ctx, {
    action: `plan.${input.action}`,
    entity: 'plan',
    entityId: row.id,
    beforeVersion: row.version,
    afterVersion: updated.version,
    details: { from: row.status, to: updated.status, planVersion: updated.planVersion },
  });
  return updated;
}
