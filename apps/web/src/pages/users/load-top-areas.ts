import { listAreas } from '@safeschools/contract';
import { api } from '../../api/client';
import { areaLevels, type Area } from './types';

const LIMIT = 500;

/**
 * The highest areas the signed-in user can see: countries, or (for someone scoped to a state) states, and so
 * on down. `GET /areas` only returns areas within one's scope.
 */
export async function loadTopAreas(signal: AbortSignal): Promise<Area[]> {
  for (const level of areaLevels) {
    const page = await api(listAreas, { query: { level, limit: LIMIT }, signal });
    if (page.items.length > 0) return page.items;
  }
  return [];
}

export async function loadChildAreas(parent: string): Promise<Area[]> {
  const page = await api(listAreas, { query: { parent, limit: LIMIT } });
  return page.items;
}
