import { countVisibleReviews } from '../../../db/registry/reviews/reviews.repository.js';
import { requirePermission, type Ctx } from '../../shared/context.js';

export const reviewKinds = ['outside_declared_area', 'unknown_area_code', 'area_name_mismatch', 'no_location', 'outside_any_area'] as const;
export type ReviewKindName = (typeof reviewKinds)[number];

/** How many reviews of each kind (0 included) the caller has to settle, in an area or one import's, or everywhere they see. */
export async function summariseReviews(
  ctx: Ctx,
  query: { area?: string; import?: string; status: string },
): Promise<{ total: number; byKind: Record<ReviewKindName, number> }> {
  const actor = requirePermission(ctx, 'registry.read');
  const counts = await countVisibleReviews(ctx.database, actor.scope, {
    status: query.status,
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.import ? { importId: query.import } : {}),
  });
  const byKind = Object.fromEntries(reviewKinds.map((k) => [k, counts[k] ?? 0])) as Record<ReviewKindName, number>;
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}
