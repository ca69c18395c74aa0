import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../test/mock-api';
import { buildAffectedSchool, buildEvent } from '../../test/fixtures';
import { loadMapSchools, MAP_SCHOOL_LIMIT } from './load-map-schools';

afterEach(() => vi.unstubAllGlobals());

describe('schools for the map', () => {
  it('stops at the limit and says more exist', async () => {
    const event = buildEvent();
    const school = buildAffectedSchool();
    const api = mockApi({
      [`GET /api/v1/events/${event.id}/impact`]: (request) => {
        const limit = Number(request.query.get('limit'));
        const items = Array.from({ length: limit }, () => school);
        return { status: 200, body: { event, totals: event.totals, areas: [], schools: { items, nextCursor: 'more' } } };
      },
    });
    const { schools, more } = await loadMapSchools(event.id, new AbortController().signal);
    expect(schools).toHaveLength(MAP_SCHOOL_LIMIT);
    expect(more).toBe(true);
    expect(api.requests.map((r) => r.query.get('limit'))).toEqual(['500', '500', '500', '500']);
  });
});
