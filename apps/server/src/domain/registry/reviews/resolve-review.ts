import { everywhere, scopeCoversArea } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import { findVisibleReview, settleReview, type ReviewRecord } from '../../../db/registry/reviews/reviews.repository.js';
import { insertSchoolEditHistory, updateSchoolPlacement } from '../../../db/registry/reviews/school-placement-edit.repository.js';
import { findPlacementFacts, replaceReviews } from '../../../db/registry/schools/school-placement.repository.js';
import { AppError } from '../../shared/app-error.js';
import { audit } from '../../shared/audit.js';
import { requirePermission, type Actor, type Ctx } from '../../shared/context.js';
import { placementForAction, type NewPlacement, type SettlingAction } from './placement-for-action.js';

export interface ResolveReviewInput {
  version: number;
  action: SettlingAction | 'dismiss';
  comment?: string | undefined;
  lon?: number | undefined;
  lat?: number | undefined;
}

type School = NonNullable<ReviewRecord['school']>;

/**
 * Settles one placement review. Whoever may edit schools in the review's geography decides: keep the area the
 * point lies in, place the school in its declared area, correct the point (placed again by point in polygon), or
 * dismiss with a reason. A change to the school bumps its version and writes its field history.
 */
export async function resolveReview(ctx: Ctx, id: string, input: ResolveReviewInput): Promise<ReviewRecord> {
  const actor = requirePermission(ctx, 'registry.write');
  const review = await findVisibleReview(ctx.database, ctx.tx, actor.scope, id, true);
  // Out of scope and missing look the same.
  if (!review) throw new AppError('NOT_FOUND');
  if (review.status !== 'open') throw new AppError('REVIEW_SETTLED', `This review was already ${review.status}.`);
  if (review.version !== input.version) throw new AppError('VERSION_CONFLICT', 'Someone changed this review; reload it.');
  const comment = input.comment?.trim() || null;
  let moved: [number, number] | null = null;
  if (input.action === 'dismiss') {
    if (!comment) throw new AppError('VALIDATION_FAILED', 'Say why the review is dismissed.', [{ path: 'comment', message: 'Required to dismiss.' }]);
  } else {
    if (!review.school) throw new AppError('REVIEW_ACTION_NOT_APPLICABLE', 'The school of this review no longer exists.');
    if (input.action === 'move_point') {
      if (input.lon === undefined || input.lat === undefined)
        throw new AppError('VALIDATION_FAILED', 'Give the corrected point.', [{ path: 'lon', message: 'Required to move the point.' }]);
      moved = [input.lon, input.lat];
    }
  }
  // Settled first, so re-placing a moved school (which replaces its open reviews) leaves this one as decided.
  const settled = await settleReview(ctx.database, ctx.tx, {
    id,
    version: input.version,
    status: input.action === 'dismiss' ? 'dismissed' : 'resolved',
    actorId: actor.via === 'system' ? null : actor.userId,
    at: ctx.now,
    resolution: { action: input.action, comment, ...(moved ? { lon: moved[0], lat: moved[1] } : {}) },
  });
  if (!settled) throw new AppError('VERSION_CONFLICT', 'Someone changed this review; reload it.');
  if (input.action !== 'dismiss' && review.school) await placeSchool(ctx, actor, review, review.school, input.action, moved);
  await audit(ctx, {
    action: `registry.review.${input.action}`,
    entity: 'registry_review',
    entityId: id,
    beforeVersion: review.version,
    afterVersion: review.version + 1,
    details: { kind: review.kind, schoolId: review.school?.id ?? null },
  });
  // Read back without the caller's scope: they were allowed to settle it, and a moved school may have left it.
  return (await findVisibleReview(ctx.database, ctx.tx, everywhere, id))!;
}

async function placeSchool(
  ctx: Ctx,
  actor: Actor,
  review: ReviewRecord,
  school: School,
  action: SettlingAction,
  moved: [number, number] | null,
): Promise<void> {
  const location = moved ?? (school.lon === null || school.lat === null ? null : ([school.lon, school.lat] as [number, number]));
  const [facts] = await findPlacementFacts(ctx.database, ctx.tx, [{ schoolId: school.id, location, declared: school.declared }]);
  const next: NewPlacement = placementForAction(action, facts!);
  // A corrected point may not carry a school out of the caller's geography; the areas a review names may.
  if (moved && !scopeCoversArea(actor.scope, next.areaPath))
    throw new AppError('FORBIDDEN', 'The corrected point lies outside the areas you look after.');
  const changes: Record<string, [unknown, unknown]> = {};
  if (next.areaId !== school.areaId) changes.area_id = [school.areaId, next.areaId];
  if (next.placement !== school.placement) changes.placement = [school.placement, next.placement];
  if (moved) changes.location = [school.lon === null || school.lat === null ? null : [school.lon, school.lat], moved];
  if (Object.keys(changes).length > 0) {
    const updated = await updateSchoolPlacement(ctx.database, ctx.tx, {
      schoolId: school.id,
      version: school.version,
      areaId: next.areaId,
      areaPath: next.areaPath,
      placement: next.placement,
      location: moved,
    });
    if (!updated) throw new AppError('VERSION_CONFLICT', 'The school changed meanwhile; reload the review.');
    const actorId = actor.via === 'system' ? null : actor.userId;
    await insertSchoolEditHistory(ctx.tx, { id: uuidv7(), schoolId: school.id, version: school.version + 1, actorId, at: ctx.now, changes });
    await audit(ctx, {
      action: 'school.placement',
      entity: 'school',
      entityId: school.id,
      beforeVersion: school.version,
      afterVersion: school.version + 1,
      details: { reviewId: review.id, action, changed: Object.keys(changes) },
    });
  }
  if (moved) {
    // The point was re-checked: what the old one disagreed about no longer stands (this review is settled next).
    const others = next.reviews.map((r) => ({ ...r, id: uuidv7(), schoolId: school.id }));
    await replaceReviews(ctx.tx, null, [school.id], others);
  }
}
