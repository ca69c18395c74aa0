import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../../db/database.js';
import type { Placement } from '../../../db/registry/schools/school-import.repository.js';
import {
  findPlacementFacts,
  type PlacementInput,
  type ReviewRow,
} from '../../../db/registry/schools/school-placement.repository.js';
import { decidePlacement } from './decide-placement.js';

export interface PlacedBatch {
  places: Map<string, Placement>;
  reviews: ReviewRow[];
  tally: Record<string, number>;
}

/** Decides where a batch of schools belongs with one query, before they are written. */
export async function placeSchools(database: Database, tx: Executor, inputs: readonly PlacementInput[]): Promise<PlacedBatch> {
  const facts = await findPlacementFacts(database, tx, inputs);
  const out: PlacedBatch = { places: new Map(), reviews: [], tally: {} };
  for (const f of facts) {
    const decision = decidePlacement(f);
    out.tally[decision.placement] = (out.tally[decision.placement] ?? 0) + 1;
    out.places.set(f.schoolId, { areaId: decision.areaId, areaPath: decision.areaPath, placement: decision.placement });
    for (const r of decision.reviews) out.reviews.push({ id: uuidv7(), schoolId: f.schoolId, ...r });
  }
  return out;
}
