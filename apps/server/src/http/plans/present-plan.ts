import type { Plan, PlanSummary } from '@safeschools/contract';
import { checkPlan, formatIsoDate, isReviewOverdue } from '@safeschools/domain';
import type { z } from 'zod';
import type { PlanListRow, PlanRow } from '../../db/plans/plans.repository.js';
import { planOfRow } from '../../domain/plans/plan-of-row.js';
import { presentSync } from '../present-sync.js';

type PlanView = z.output<typeof Plan>;

/** Allow-list of the plan's fields, with what a form needs to show: the review state and what blocks submission. */
export function presentPlan(row: PlanRow, now: Date): PlanView {
  const plan = planOfRow(row);
  return {
    ...presentSync(row),
    schoolId: row.schoolId,
    planVersion: row.planVersion,
    status: plan.status,
    content: plan.content as PlanView['content'],
    submittedBy: row.submittedBy,
    lastApprovedOn: row.lastApprovedOn,
    reviewDueOn: row.reviewDueOn,
    reviewOverdue: isReviewOverdue(plan, formatIsoDate(now)),
    returnComments: row.returnComments,
    sectionsNeedingUpdate: [...plan.sectionsNeedingUpdate],
    history: [...plan.history],
    problems: checkPlan(plan.content),
  };
}

export function presentPlanSummary(item: PlanListRow, now: Date): z.output<typeof PlanSummary> {
  const plan = planOfRow(item.plan);
  return {
    id: item.plan.id,
    version: item.plan.version,
    schoolId: item.plan.schoolId,
    schoolName: item.schoolName,
    schoolCode: item.schoolCode,
    planVersion: item.plan.planVersion,
    status: plan.status,
    lastApprovedOn: item.plan.lastApprovedOn,
    reviewDueOn: item.plan.reviewDueOn,
    reviewOverdue: isReviewOverdue(plan, formatIsoDate(now)),
    sectionsNeedingUpdate: [...plan.sectionsNeedingUpdate],
    updatedAt: item.plan.updatedAt.toISOString(),
  };
}
