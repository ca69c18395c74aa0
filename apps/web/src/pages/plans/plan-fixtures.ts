import { fixtureId } from '../../test/fixtures';
import type { Drill } from '../drills/types';
import type { Plan, PlanContent } from './types';

const now = '2025-01-15T10:00:00.000Z';

/** An empty plan content, as the server makes it for a new plan (profile from the registry). */
export function buildPlanContent(schoolId: string, overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    profile: {
      schoolId,
      name: 'ZP Primary School Wardha',
      address: 'Wardha',
      students: { girls: 60, boys: 58, other: 0 },
      childrenWithSpecialNeeds: 0,
      teachers: 6,
      nonTeachingStaff: 2,
      buildings: 1,
      buses: [],
    },
    people: [],
    hazardAssessment: { nonStructural: [], structural: [], outsideCampus: [], pastIncidents: [], vulnerableSpots: [] },
    committee: [],
    taskForces: [],
    sops: [],
    emergencyContacts: [],
    evacuationRoutes: [],
    assemblyPoints: [],
    resources: [],
    trainingPlan: [],
    drillSchedule: [],
    ...overrides,
  };
}

export function buildPlan(schoolId: string, overrides: Partial<Plan> = {}): Plan {
  return {
    id: fixtureId(),
    version: 3,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    schoolId,
    planVersion: 1,
    status: 'draft',
    content: buildPlanContent(schoolId),
    submittedBy: null,
    lastApprovedOn: null,
    reviewDueOn: null,
    reviewOverdue: false,
    returnComments: null,
    sectionsNeedingUpdate: [],
    history: [],
    problems: [],
    ...overrides,
  };
}

export function buildDrill(schoolId: string, overrides: Partial<Drill> = {}): Drill {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    schoolId,
    heldOn: '2025-01-10',
    hazard: 'earthquake',
    scenario: 'Shaking during the second period',
    startedAt: '2025-01-10T10:30:00+05:30',
    participants: { girls: 50, boys: 48, otherChildren: 0, childrenWithSpecialNeeds: 2, teachers: 6, staff: 2 },
    observers: [],
    times: { classroomsOutSeconds: 45, assemblyPointSeconds: 300 },
    missingPersons: 0,
    whatWentWrong: [],
    correctiveActions: [],
    evaluation: {
      checks: [
        { code: 'CLASSROOMS_OUT', measured: 45, target: 60, met: true },
        { code: 'ASSEMBLY_POINT', measured: 300, target: 240, met: false },
        { code: 'NO_MISSING_PERSONS', measured: 0, target: 0, met: true },
      ],
      passed: false,
      targetsSource: 'test',
    },
    openActions: 0,
    ...overrides,
  };
}
