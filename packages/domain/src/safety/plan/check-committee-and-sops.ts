import { problem, type SafetyProblem } from '../problem.js';
import type { PlanContent } from './plan-types.js';

/**
 * The committee is led by one named adult chairperson (NDMA 2016: the head of school chairs the School Disaster
 * Management Committee), and the plan says how children are handed over and how children with special needs
 * are helped, whatever the hazard.
 */
export function checkCommitteeAndSops(content: PlanContent): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const chairs = content.committee.filter((c) => c.position === 'chairperson');
  if (content.committee.length > 0 && chairs.length !== 1)
    problems.push(problem('PLAN_COMMITTEE_CHAIR', 'committee', `The committee has ${chairs.length} chairpersons; it needs exactly one`));
  if (chairs.some((c) => c.member.kind !== 'adult'))
    problems.push(problem('PLAN_COMMITTEE_CHAIR', 'committee', 'The chairperson must be a named adult'));
  if (content.committee.length > 0 && !content.committee.some((c) => c.inCoreTeam))
    problems.push(problem('PLAN_CORE_TEAM_EMPTY', 'committee', 'Name the members of the core team'));
  if (content.sops.length > 0 && !content.sops.some((s) => s.kind === 'reunification'))
    problems.push(problem('PLAN_SOP_MISSING', 'sops.reunification', 'Add the procedure for handing children over to guardians'));
  if ((content.profile.childrenWithSpecialNeeds ?? 0) > 0 && content.sops.length > 0 && !content.sops.some((s) => s.kind === 'special_needs_support'))
    problems.push(problem('PLAN_SOP_MISSING', 'sops.special_needs_support', 'The school has children with special needs: add how they are helped'));
  for (const sop of content.sops)
    if (sop.steps.filter((s) => s.trim()).length === 0)
      problems.push(problem('PLAN_SOP_EMPTY', `sops.${sop.hazard}.${sop.kind}`, 'A procedure needs at least one step'));
  return problems;
}
