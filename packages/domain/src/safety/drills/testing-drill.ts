import type { DrillRecord } from './drill-types.js';

export function buildDrill(overrides: Partial<DrillRecord> = {}): DrillRecord {
  return {
    id: 'drill-1',
    schoolId: 'school-1',
    hazard: 'earthquake',
    scenario: 'Magnitude 6 earthquake during the second period',
    startedAt: '2025-02-14T10:30:00+05:30',
    participants: { girls: 200, boys: 190, otherChildren: 0, childrenWithSpecialNeeds: 5, teachers: 18, staff: 4 },
    observers: [{ organisation: 'fire_service', count: 2 }],
    times: { classroomsOutSeconds: 45, assemblyPointSeconds: 200, headcountCompleteSeconds: 320 },
    missingPersons: 0,
    whatWentWrong: [],
    correctiveActions: [],
    ...overrides,
  };
}
