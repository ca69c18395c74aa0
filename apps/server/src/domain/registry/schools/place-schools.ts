import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../../db/database.js';
import { areasStamp, loadPlacementAreas } from '../../../db/registry/schools/placement-areas.repository.js';
import type { PlacementInput } from '../../../db/registry/schools/school-placement.repository.js';
import type { Placement, StagedReview } from '../../../db/registry/schools/school-stage.repository.js';
import { decidePlacement } from './decide-placement.js';
import { PlacementIndex } from './placement-index.js';

export interface PlacedSchool {
  place: Placement;
  reviews: StagedReview[];
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

/** Decides where one school belongs, and what a person should review about it, before it is written. */
export function placeSchool(index: PlacementIndex, input: PlacementInput): PlacedSchool {
  const decision = decidePlacement(index.facts(input));
  return {
    place: { areaId: decision.areaId, areaPath: decision.areaPath, placement: decision.placement },
    reviews: decision.reviews.map((r) => ({ id: uuidv7(), ...r })),
  };
}
