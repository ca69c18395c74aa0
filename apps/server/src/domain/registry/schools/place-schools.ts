import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../../db/database.js';
import { areasStamp, loadPlacementAreas } from '../../../db/registry/schools/placement-areas.repository.js';
import type { Placement } from '../../../db/registry/schools/school-import.repository.js';
import type { PlacementInput, ReviewRow } from '../../../db/registry/schools/school-placement.repository.js';
import { decidePlacement } from './decide-placement.js';
import { PlacementIndex } from './placement-index.js';

export interface PlacedBatch {
  places: Map<string, Placement>;
  reviews: ReviewRow[];
  tally: Record<string, number>;
}

/**
 * The areas in memory for one import, read again only when they changed since the last batch (one cheap
 * stamp query per batch), so a boundary import running meanwhile is still seen.
 */
export class PlacementAreas {
  private index: PlacementIndex | null = null;

  async current(database: Database, tx: Executor): Promise<PlacementIndex> {
    if (this.index && this.index.stamp === (await areasStamp(database, tx))) return this.index;
    const { stamp, areas } = await loadPlacementAreas(database, tx);
    this.index = new PlacementIndex(stamp, areas);
    return this.index;
  }
}

/** Decides where a batch of schools belongs, before they are written. */
export function placeSchools(index: PlacementIndex, inputs: readonly PlacementInput[]): PlacedBatch {
  const out: PlacedBatch = { places: new Map(), reviews: [], tally: {} };
  for (const input of inputs) {
    const decision = decidePlacement(index.facts(input));
    out.tally[decision.placement] = (out.tally[decision.placement] ?? 0) + 1;
    out.places.set(input.schoolId, { areaId: decision.areaId, areaPath: decision.areaPath, placement: decision.placement });
    for (const r of decision.reviews) out.reviews.push({ id: uuidv7(), schoolId: input.schoolId, ...r });
  }
  return out;
}
