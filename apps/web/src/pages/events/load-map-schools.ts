import { getEventImpact } from '@safeschools/contract';
import { api } from '../../api/client';
import type { AffectedSchool } from './types';

/** The most schools the map draws: enough for a district-scale event, light enough for a phone. */
export const MAP_SCHOOL_LIMIT = 2000;
const PAGE_SIZE = 500;

/** The strongest-hit schools for the map, up to `MAP_SCHOOL_LIMIT`; `more` says the event has others. */
export async function loadMapSchools(id: string, signal: AbortSignal): Promise<{ schools: AffectedSchool[]; more: boolean }> {
  const schools: AffectedSchool[] = [];
  let cursor: string | undefined;
  for (;;) {
    const limit = Math.min(PAGE_SIZE, MAP_SCHOOL_LIMIT - schools.length);
    const answer = await api(getEventImpact, { params: { id }, query: { limit, cursor }, signal });
    schools.push(...answer.schools.items);
    const next = answer.schools.nextCursor;
    if (next === null) return { schools, more: false };
    if (schools.length >= MAP_SCHOOL_LIMIT) return { schools, more: true };
    cursor = next;
  }
}
