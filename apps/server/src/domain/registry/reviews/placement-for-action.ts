import type { PlacementFacts } from '../../../db/registry/schools/school-placement.repository.js';
import { AppError } from '../../shared/app-error.js';
import { decidePlacement, type ReviewDraft } from '../schools/decide-placement.js';

export type SettlingAction = 'accept_location' | 'accept_declared' | 'move_point';

export interface NewPlacement {
  areaId: string | null;
  areaPath: string[];
  placement: 'matched' | 'located_only' | 'declared_only' | 'conflict' | 'unplaced';
  /** Disagreements the new placement still has (only a moved point is checked again). */
  reviews: ReviewDraft[];
}

/**
 * Where a school goes when a person settles a review. Accepting the location or the declared area is a decision
 * that overrides the disagreement, so it is recorded as `located_only`/`declared_only` and raises no new review;
 * a moved point is placed like an import would place it, and may disagree again.
 */
export function placementForAction(action: SettlingAction, facts: PlacementFacts): NewPlacement {
  switch (action) {
    case 'accept_location': {
      if (!facts.found) throw new AppError('REVIEW_ACTION_NOT_APPLICABLE', 'The school\u2019s point lies in no known area.');
      return { areaId: facts.found.id, areaPath: facts.found.path, placement: 'located_only', reviews: [] };
    }
    case 'accept_declared': {
      const declared = facts.declaredDistrict ?? facts.declaredState;
      if (!declared) throw new AppError('REVIEW_ACTION_NOT_APPLICABLE', 'The codes the school came with name no known area.');
      return { areaId: declared.id, areaPath: declared.path, placement: 'declared_only', reviews: [] };
    }
    case 'move_point':
      return decidePlacement(facts);
  }
}
