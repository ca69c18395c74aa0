import { isIsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import { adultRoles, planSections, type LonLat, type PlanContent, type PlanSection } from './plan-types.js';

/** Every Annexure 8 section must hold something before a plan is submitted. */
export const mandatoryPlanSections: readonly PlanSection[] = planSections;

function sectionIsEmpty(content: PlanContent, section: PlanSection): boolean {
  switch (section) {
    case 'profile': {
      // Students not recorded count as none: a plan needs the school's students.
      const { girls, boys, other } = content.profile.students;
      return !content.profile.name.trim() || (girls ?? 0) + (boys ?? 0) + (other ?? 0) <= 0;
    }
    case 'hazardAssessment': {
      const h = content.hazardAssessment;
      return h.nonStructural.length + h.structural.length + h.outsideCampus.length + h.vulnerableSpots.length === 0;
    }
    case 'committee':
    case 'taskForces':
    case 'sops':
    case 'emergencyContacts':
    case 'evacuationRoutes':
    case 'assemblyPoints':
    case 'resources':
    case 'trainingPlan':
    case 'drillSchedule':
      return content[section].length === 0;
  }
}

const validPoint = (p: LonLat): boolean =>
  p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Empty mandatory sections, broken geometry, bad dates and anything that would identify a child. */
export function checkPlanSections(content: PlanContent): SafetyProblem[] {
  const problems: SafetyProblem[] = mandatoryPlanSections
    .filter((s) => sectionIsEmpty(content, s))
    .map((s) => problem('PLAN_SECTION_EMPTY', s, `The ${s} section is empty`));
  for (const route of content.evacuationRoutes)
    if (route.coordinates.length < 2 || !route.coordinates.every(validPoint))
      problems.push(problem('PLAN_ROUTE_INVALID', `evacuationRoutes.${route.id}`, 'A route needs at least two valid [longitude, latitude] points'));
  for (const point of content.assemblyPoints)
    if (!validPoint(point.point))
      problems.push(problem('PLAN_POINT_INVALID', `assemblyPoints.${point.id}`, 'The assembly point needs a valid [longitude, latitude]'));
  for (const person of content.people)
    if (!(adultRoles as readonly string[]).includes(person.role))
      problems.push(problem('PLAN_PERSON_ROLE_INVALID', `people.${person.id}`, 'Only adults are named in a plan; record students as counts'));
  const memberLists = [...content.taskForces.flatMap((f) => f.members), ...content.committee.map((c) => c.member)];
  // Data arrives as JSON, so a name on a student group is caught here as well as by the type.
  for (const member of memberLists)
    if (member.kind === 'students' && ('name' in member || 'personId' in member))
      problems.push(problem('PLAN_STUDENT_IDENTIFIED', 'members', 'Student members are recorded as counts, never by name'));
  for (const entry of [...content.drillSchedule, ...content.trainingPlan])
    if (!isIsoDate(entry.plannedOn)) problems.push(problem('PLAN_DATE_INVALID', 'plannedOn', `Not a date: ${entry.plannedOn}`));
  return problems;
}
