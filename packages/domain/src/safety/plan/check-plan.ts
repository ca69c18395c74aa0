import type { SafetyProblem } from '../problem.js';
import { checkCommitteeAndSops } from './check-committee-and-sops.js';
import { checkPlanSections } from './check-plan-sections.js';
import { checkTaskForces } from './check-task-forces.js';
import type { PlanContent } from './plan-types.js';

/** All rules a plan must meet before it can be submitted; an empty list means it may go. */
export function checkPlan(content: PlanContent): SafetyProblem[] {
  return [...checkPlanSections(content), ...checkCommitteeAndSops(content), ...checkTaskForces(content)];
}
