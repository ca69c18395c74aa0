import { resolveReview } from '@safeschools/contract';
import { api } from '../../api/client';
import type { Review, ReviewAction } from './types';

export interface Resolution {
  action: ReviewAction;
  comment?: string;
  lon?: number;
  lat?: number;
}

/**
 * Posts a decision on the version of the review the person saw. The Idempotency-Key names that decision, so a
 * retry after a lost answer replays it instead of meeting "already settled".
 */
export function sendResolution(review: Review, resolution: Resolution): Promise<Review> {
  const point = resolution.action === 'move_point' ? `-${resolution.lon}:${resolution.lat}` : '';
  return api(resolveReview, {
    params: { id: review.id },
    body: { version: review.version, ...resolution },
    idempotencyKey: `resolve-${review.id}-v${review.version}-${resolution.action}${point}`,
  });
}
