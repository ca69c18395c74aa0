import type { MockResponse } from '../test/mock-api';
import { fixtureId } from '../test/fixtures';

/** A mock route that behaves like a browser with no network: fetch rejects. */
export const networkDown = (): MockResponse => {
  throw new TypeError('Failed to fetch');
};

/** A valid drill record body with a fresh client id; the scenario tells the writes apart. */
export function drillBody(scenario: string) {
  return {
    id: fixtureId(),
    hazard: 'fire' as const,
    scenario,
    startedAt: '2025-01-20T10:30:00+05:30',
    participants: { girls: 1, boys: 1, otherChildren: 0, childrenWithSpecialNeeds: 0, teachers: 1, staff: 0 },
    observers: [],
    times: {},
    missingPersons: 0,
    whatWentWrong: [],
  };
}
