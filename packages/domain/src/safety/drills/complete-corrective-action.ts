import type { IsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import type { SchoolDisasterManagementPlan } from '../plan/plan-types.js';
import type { DrillRecord } from './drill-types.js';

export type CompleteActionResult =
  | { readonly ok: true; readonly drill: DrillRecord; readonly plan: SchoolDisasterManagementPlan }
  | { readonly ok: false; readonly problem: SafetyProblem };

/**
 * Marks a corrective action done and, when it is linked to a plan section, marks that section as needing an
 * update, so the lesson from the drill reaches the plan at its next revision.
 */
export function completeCorrectiveAction(
  drill: DrillRecord,
  actionId: string,
  plan: SchoolDisasterManagementPlan,
  today: IsoDate,
): CompleteActionResult {
  const action = drill.correctiveActions.find((a) => a.id === actionId);
  if (!action) return { ok: false, problem: problem('DRILL_ACTION_UNKNOWN', actionId, 'No such corrective action in this drill') };
  if (plan.schoolId !== drill.schoolId)
    return { ok: false, problem: problem('DRILL_PLAN_OTHER_SCHOOL', actionId, "The plan is not this school's") };
  if (action.status === 'done') return { ok: true, drill, plan };
  const updated: DrillRecord = {
    ...drill,
    correctiveActions: drill.correctiveActions.map((a) => (a.id === actionId ? { ...a, status: 'done', completedOn: today } : a)),
  };
  const section = action.planSection;
  const nextPlan =
    section === undefined || plan.sectionsNeedingUpdate.includes(section)
      ? plan
      : { ...plan, sectionsNeedingUpdate: [...plan.sectionsNeedingUpdate, section] };
  return { ok: true, drill: updated, plan: nextPlan };
}
