import type { PlanContent, SchoolDisasterManagementPlan, TaskForce } from './plan-types.js';
import { standardTaskForceTypes } from './plan-types.js';

/** A complete, valid plan content for tests; each test changes only what it is about. */
export function buildPlanContent(overrides: Partial<PlanContent> = {}): PlanContent {
  const duties = { before: ['Prepare'], during: ['Act'], after: ['Report'] };
  const taskForces: TaskForce[] = standardTaskForceTypes.map((type) => ({
    id: `tf-${type}`,
    type,
    ...(type === 'bus_safety' ? { busId: 'bus-1' } : {}),
    members: [
      { kind: 'adult', personId: 'p-teacher-1', isLeader: true },
      ...(type === 'search_rescue' ? [] : [{ kind: 'students' as const, count: 4, grade: '8' }]),
    ],
    duties,
  }));
  return {
    profile: {
      schoolId: 'school-1',
      name: 'Government Senior Secondary School, Rumtek',
      address: 'Rumtek, East Sikkim',
      students: { girls: 210, boys: 190, other: 0 },
      childrenWithSpecialNeeds: 6,
      teachers: 18,
      nonTeachingStaff: 4,
      buildings: 2,
      buses: [{ id: 'bus-1', registration: 'SK-01-1234' }],
    },
    people: [
      { id: 'p-head', name: 'Karma Bhutia', role: 'teacher', designation: 'Principal' },
      { id: 'p-teacher-1', name: 'Pema Lepcha', role: 'teacher' },
      { id: 'p-clerk', name: 'Anil Rai', role: 'non_teaching_staff' },
      { id: 'p-parent', name: 'Sunita Gurung', role: 'parent' },
    ],
    hazardAssessment: {
      nonStructural: [{ id: 'f1', description: 'Unfixed cupboards in the library', assessedBy: 'teachers' }],
      structural: [],
      outsideCampus: [{ id: 'o1', description: 'Landslide-prone slope above the road', hazard: 'landslide' }],
      pastIncidents: [],
      vulnerableSpots: [],
    },
    committee: [
      { member: { kind: 'adult', personId: 'p-head', isLeader: false }, position: 'chairperson', inCoreTeam: true },
      { member: { kind: 'adult', personId: 'p-teacher-1', isLeader: false }, position: 'convenor', inCoreTeam: true },
      { member: { kind: 'students', count: 2 }, position: 'member', inCoreTeam: false },
    ],
    taskForces,
    sops: [
      { hazard: 'earthquake', kind: 'drop_cover_hold', steps: ['Drop', 'Cover', 'Hold on'] },
      { hazard: 'earthquake', kind: 'reunification', steps: ['Hand each child only to a listed guardian', 'Record the hand-over'] },
      { hazard: 'earthquake', kind: 'special_needs_support', steps: ['Each buddy teacher escorts their child first'] },
    ],
    emergencyContacts: [{ service: 'fire', name: 'Gangtok fire station', phone: '101' }],
    evacuationRoutes: [{ id: 'r1', name: 'Main stairs to the field', coordinates: [[88.57, 27.3], [88.571, 27.301]] }],
    assemblyPoints: [{ id: 'a1', name: 'Football field', point: [88.571, 27.301] }],
    resources: [{ item: 'First-aid kit', quantity: 3, location: 'Office' }],
    trainingPlan: [{ moduleId: 'first-aid-basic', audience: 'teachers', plannedOn: '2025-07-15' }],
    drillSchedule: [{ hazard: 'earthquake', plannedOn: '2025-08-01' }],
    ...overrides,
  };
}

export function buildPlan(overrides: Partial<SchoolDisasterManagementPlan> = {}): SchoolDisasterManagementPlan {
  return {
    id: 'plan-1',
    schoolId: 'school-1',
    version: 1,
    status: 'draft',
    content: buildPlanContent(),
    sectionsNeedingUpdate: [],
    history: [],
    ...overrides,
  };
}
