import { standardTaskForceTypes } from '@safeschools/domain';

/**
 * Plan sections that pass every submission rule for a school with one bus; tests change only what they are about.
 * Task force leaders and search and rescue are teachers; students appear only as counts.
 */
export function completeSections(): Record<string, unknown> {
  const duties = { before: ['Prepare'], during: ['Act'], after: ['Report'] };
  return {
    profile: { childrenWithSpecialNeeds: 3, buses: [{ id: 'bus-1', registration: 'SK-01-1234' }], address: 'Rumtek, East Sikkim' },
    people: [
      { id: 'p-head', name: 'Karma Bhutia', role: 'teacher', designation: 'Principal' },
      { id: 'p-teacher', name: 'Pema Lepcha', role: 'teacher' },
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
      { member: { kind: 'students', count: 2, grade: '9' }, position: 'member', inCoreTeam: false },
    ],
    taskForces: standardTaskForceTypes.map((type) => ({
      id: `tf-${type}`,
      type,
      ...(type === 'bus_safety' ? { busId: 'bus-1' } : {}),
      members: [
        { kind: 'adult', personId: 'p-teacher', isLeader: true },
        ...(type === 'search_rescue' ? [] : [{ kind: 'students', count: 4, grade: '8' }]),
      ],
      duties,
    })),
    sops: [
      { hazard: 'earthquake', kind: 'drop_cover_hold', steps: ['Drop', 'Cover', 'Hold on'] },
      { hazard: 'earthquake', kind: 'reunification', steps: ['Hand each child only to a listed guardian'] },
      { hazard: 'earthquake', kind: 'special_needs_support', steps: ['Each buddy teacher escorts their child first'] },
    ],
    emergencyContacts: [{ service: 'fire', name: 'Gangtok fire station', phone: '101' }],
    evacuationRoutes: [{ id: 'r1', name: 'Main stairs to the field', coordinates: [[88.57, 27.3], [88.571, 27.301]] }],
    assemblyPoints: [{ id: 'a1', name: 'Football field', point: [88.571, 27.301] }],
    resources: [{ item: 'First-aid kit', quantity: 3, location: 'Office' }],
    trainingPlan: [{ moduleId: 'tf-first-aid', audience: 'teachers', plannedOn: '2026-07-15' }],
    drillSchedule: [{ hazard: 'earthquake', plannedOn: '2026-08-01' }],
  };
}
