import { fixtureId } from '../../test/fixtures';
import type { ReadinessSchool } from './types';

/** A school as GET /api/v1/readiness/schools lists it. */
export function readinessSchool(overrides: Partial<ReadinessSchool> = {}): ReadinessSchool {
  return {
    id: fixtureId(),
    code: '05010100101',
    name: 'GHS Chamoli',
    district: 'Chamoli',
    block: 'Joshimath',
    planStatus: null,
    lastDrillOn: null,
    overdueDrill: false,
    taskForces: { trained: 0, total: 0 },
    overallScore: null,
    rating: null,
    flagged: false,
    ...overrides,
  };
}
