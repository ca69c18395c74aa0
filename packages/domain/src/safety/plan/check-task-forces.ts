import { problem, type SafetyProblem } from '../problem.js';
import { standardTaskForceTypes, type PlanContent, type TaskForce } from './plan-types.js';

/**
 * The NDMA 2016 task force rules: every task force has exactly one leader, an adult; search and rescue is for
 * teachers only (it means going back into damaged buildings); one bus safety team per school bus; every standard
 * task force is formed (bus safety only when the school has buses).
 */
export function checkTaskForces(content: PlanContent): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const people = new Map(content.people.map((p) => [p.id, p]));
  for (const force of content.taskForces) {
    const path = `taskForces.${force.id}`;
    if (force.members.length === 0) problems.push(problem('PLAN_TASK_FORCE_EMPTY', path, 'The task force has no members'));
    if (force.type === 'custom' && !force.customName?.trim())
      problems.push(problem('PLAN_CUSTOM_TASK_FORCE_UNNAMED', path, 'A custom task force needs a name'));
    const leaders = force.members.filter((m) => m.kind === 'adult' && m.isLeader).length;
    if (leaders === 0) problems.push(problem('PLAN_TASK_FORCE_NO_LEADER', path, 'Name one adult member as leader'));
    if (leaders > 1) problems.push(problem('PLAN_TASK_FORCE_MANY_LEADERS', path, `${leaders} leaders; a task force has exactly one`));
    for (const member of force.members) {
      if (member.kind === 'students') {
        if (!(Number.isInteger(member.count) && member.count > 0))
          problems.push(problem('PLAN_STUDENT_COUNT_INVALID', path, 'A student group needs a count above 0'));
        if (force.type === 'search_rescue')
          problems.push(problem('PLAN_SAR_MEMBER_NOT_TEACHER', path, 'Students cannot be in the search and rescue task force'));
        continue;
      }
      const person = people.get(member.personId);
      if (!person) problems.push(problem('PLAN_MEMBER_UNKNOWN_PERSON', path, `No person "${member.personId}" in the plan`));
      else if (force.type === 'search_rescue' && person.role !== 'teacher')
        problems.push(problem('PLAN_SAR_MEMBER_NOT_TEACHER', path, `${person.name} is not a teacher; search and rescue is for teachers only`));
    }
  }
  problems.push(...checkBusTeams(content), ...checkStandardTypes(content));
  return problems;
}

function checkBusTeams(content: PlanContent): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const busIds = new Set(content.profile.buses.map((b) => b.id));
  const teams = content.taskForces.filter((f) => f.type === 'bus_safety');
  for (const team of teams)
    if (!team.busId || !busIds.has(team.busId))
      problems.push(problem('PLAN_BUS_TEAM_UNKNOWN_BUS', `taskForces.${team.id}`, 'A bus safety team must name a bus from the school profile'));
  for (const bus of content.profile.buses) {
    const count = teams.filter((t: TaskForce) => t.busId === bus.id).length;
    if (count === 0) problems.push(problem('PLAN_BUS_TEAM_MISSING', `profile.buses.${bus.id}`, `Bus ${bus.registration} has no bus safety team`));
    if (count > 1) problems.push(problem('PLAN_BUS_TEAM_DUPLICATE', `profile.buses.${bus.id}`, `Bus ${bus.registration} has ${count} bus safety teams; give it one`));
  }
  return problems;
}

function checkStandardTypes(content: PlanContent): SafetyProblem[] {
  const formed = new Set(content.taskForces.map((f) => f.type));
  return standardTaskForceTypes
    .filter((type) => type !== 'bus_safety' && !formed.has(type))
    .map((type) => problem('PLAN_STANDARD_TASK_FORCE_MISSING', `taskForces.${type}`, `The ${type} task force is not formed`));
}
