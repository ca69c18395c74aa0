import { areaRollup, listAreas, type ResponseOf } from '@safeschools/contract';
import { api } from '../../api/client';
import { loadTopAreas } from '../users/load-top-areas';
import { areaLevels, type Area, type AreaLevel } from '../users/types';

export type RollupItem = ResponseOf<typeof areaRollup>['items'][number];

export interface AreaLevelView {
  /** The areas from the top the user sees down to the one being browsed (empty at the top). */
  trail: Area[];
  children: Area[];
  /** School and enrolment counts of the children, by area id. */
  counts: Map<string, RollupItem>;
}

const PAGE_SIZE = 500;
/** A district has well under 500 blocks; the cap only guards against a cursor that never ends. */
const MAX_PAGES = 10;

async function childrenOf(parent: string, signal: AbortSignal): Promise<Area[]> {
  const areas: Area[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await api(listAreas, { query: { parent, limit: PAGE_SIZE, cursor }, signal });
    areas.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return areas;
}

function levelBelow(level: AreaLevel): AreaLevel | null {
  return areaLevels[areaLevels.indexOf(level) + 1] ?? null;
}

/**
 * One step of the country → state → district → block tree. The address carries the path of ids browsed; each
 * ancestor's name is read from its parent's children (there is no read of one area by id), so a path that
 * leaves the user's scope or names a wrong child ends where it stops matching.
 */
export async function loadAreaLevel(path: readonly string[], signal: AbortSignal): Promise<AreaLevelView> {
  let children = await loadTopAreas(signal);
  const trail: Area[] = [];
  for (const id of path) {
    const area = children.find((candidate) => candidate.id === id);
    if (!area) break;
    trail.push(area);
    children = await childrenOf(area.id, signal);
  }
  const parent = trail.at(-1);
  const level = parent ? levelBelow(parent.level) : children[0]?.level;
  const counts = new Map<string, RollupItem>();
  if (level && children.length > 0) {
    const { items } = await api(areaRollup, { query: { level, ...(parent ? { parent: parent.id } : {}) }, signal });
    for (const item of items) counts.set(item.areaId, item);
  }
  return { trail, children, counts };
}
