import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IdParams } from './common.js';

/** Placement disagreements the school importer found (issue 3 §3), for a person to settle. */
export const ReviewKind = z.enum(['outside_declared_area', 'unknown_area_code', 'area_name_mismatch', 'no_location', 'outside_any_area']);
export const ReviewStatus = z.enum(['open', 'resolved', 'dismissed']);
export const ReviewAction = z.enum(['accept_location', 'accept_declared', 'move_point', 'dismiss']);

const AreaName = z.object({ id: z.uuid(), name: z.string(), names: z.record(z.string(), z.string()) });

export const Review = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    kind: ReviewKind,
    status: ReviewStatus,
    importId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    school: z
      .object({
        id: z.uuid(),
        code: z.string().nullable(),
        name: z.string(),
        lon: z.number().nullable(),
        lat: z.number().nullable(),
        placement: z.enum(['matched', 'located_only', 'declared_only', 'conflict', 'unplaced']),
        /** The area the school is placed in now. */
        area: AreaName.nullable(),
      })
      .nullable(),
    /** The admin codes and names the source file gave, by level: {district: {lgd, name}, state: {...}}. */
    declared: z.record(z.string(), z.record(z.string(), z.string())),
    /** The area the declared codes name, when one exists. */
    declaredArea: AreaName.nullable(),
    /** The area the point lies in, when the importer found one. */
    foundArea: AreaName.nullable(),
    /** What the importer noticed (codes, names, similarity), as it recorded it. */
    detail: z.record(z.string(), z.unknown()),
    resolution: z
      .object({ action: ReviewAction, comment: z.string().nullable(), by: z.uuid().nullable(), at: z.iso.datetime().nullable() })
      .nullable(),
  })
  .meta({ id: 'Review' });

export const ReviewListQuery = z.object({
  kind: ReviewKind.optional(),
  status: ReviewStatus.default('open'),
  /** An area at any level: reviews whose school or areas lie in it. */
  area: z.uuid().optional(),
  import: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const listReviews = endpoint({
  id: 'listReviews',
  method: 'GET',
  path: '/api/v1/reviews',
  summary: 'Placement disagreements to settle, within one\u2019s scope',
  tag: 'registry',
  query: ReviewListQuery,
  response: z.object({ items: z.array(Review), nextCursor: z.string().nullable() }),
  auth: 'user',
});

export const ReviewSummaryQuery = z.object({
  area: z.uuid().optional(),
  /** The reviews one import raised, as its result page links to them. */
  import: z.uuid().optional(),
  status: ReviewStatus.default('open'),
});

export const reviewSummary = endpoint({
  id: 'reviewSummary',
  method: 'GET',
  path: '/api/v1/reviews/summary',
  summary: 'Placement reviews counted by kind, within one\u2019s scope',
  tag: 'registry',
  query: ReviewSummaryQuery,
  /** Every kind is listed, with 0 when there is none. */
  response: z.object({ total: z.number().int(), byKind: z.record(ReviewKind, z.number().int()) }),
  auth: 'user',
});

export const ResolveReviewBody = z
  .object({
    /** The review's version the decision was based on; a stale one is a VERSION_CONFLICT. */
    version: z.number().int().min(1),
    action: ReviewAction,
    /** Required to dismiss; kept with the resolution otherwise. */
    comment: z.string().trim().max(2000).optional(),
    /** The corrected point, for `move_point`. */
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
  })
  .meta({ id: 'ResolveReviewBody' });

export const resolveReview = endpoint({
  id: 'resolveReview',
  method: 'POST',
  path: '/api/v1/reviews/:id/resolve',
  summary: 'Settle a placement review: keep the found area, the declared one, move the point, or dismiss',
  tag: 'registry',
  params: IdParams,
  body: ResolveReviewBody,
  response: Review,
  auth: 'user',
});
