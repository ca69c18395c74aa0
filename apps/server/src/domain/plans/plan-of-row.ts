import type { PlanContent, PlanHistoryEntry, PlanSection, PlanStatus, SchoolDisasterManagementPlan } from '@safeschools/domain';
import type { PlanChanges, PlanRow } from '../../db/plans/plans.repository.js';

/**
 * The stored row as the domain's plan. Mind the two versions: the domain's `version` is the plan's own
 * (`plan_version`, raised on revision); the row's `version` is for optimistic concurrency of edits.
 */
export function planOfRow(row: PlanRow): SchoolDisasterManagementPlan {
  return {
    id: row.id,
    schoolId: row.schoolId,
    version: row.planVersion,
    status: row.status as PlanStatus,
    content: row.content as unknown as PlanContent,
    ...(row.submittedBy ? { submittedBy: row.submittedBy } : {}),
    ...(row.lastApprovedOn ? { lastApprovedOn: row.lastApprovedOn } : {}),
    ...(row.reviewDueOn ? { reviewDueOn: row.reviewDueOn } : {}),
    ...(row.returnComments ? { returnComments: row.returnComments } : {}),
    sectionsNeedingUpdate: row.sectionsNeedingUpdate as PlanSection[],
    history: row.history as unknown as PlanHistoryEntry[],
  };
}

/** Every column the domain's plan decides, for writing it back. */
export function rowChangesOf(plan: SchoolDisasterManagementPlan): PlanChanges {
  return {
    status: plan.status,
    content: plan.content as unknown as Record<string, unknown>,
    planVersion: plan.version,
    submittedBy: plan.submittedBy ?? null,
    lastApprovedOn: plan.lastApprovedOn ?? null,
    reviewDueOn: plan.reviewDueOn ?? null,
    returnComments: plan.returnComments ?? null,
    sectionsNeedingUpdate: [...plan.sectionsNeedingUpdate],
    history: plan.history as unknown as Record<string, unknown>[],
  };
}
