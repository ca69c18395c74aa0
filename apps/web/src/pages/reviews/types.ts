import type { ResponseOf, listReviews, reviewSummary } from '@safeschools/contract';

export type Review = ResponseOf<typeof listReviews>['items'][number];
export type ReviewKind = Review['kind'];
export type ReviewStatus = Review['status'];
export type ReviewAction = NonNullable<Review['resolution']>['action'];
export type ReviewSummary = ResponseOf<typeof reviewSummary>;
export type NamedArea = NonNullable<Review['foundArea']>;

export const reviewKinds: readonly ReviewKind[] = [
  'outside_declared_area',
  'unknown_area_code',
  'area_name_mismatch',
  'no_location',
  'outside_any_area',
];
export const reviewStatuses: readonly ReviewStatus[] = ['open', 'resolved', 'dismissed'];

/** The filters of the review list, as the page's address carries them (so the import and areas pages can link here). */
export interface ReviewFilters {
  kind: ReviewKind | '';
  status: ReviewStatus;
  area: string;
  importId: string;
}

const isKind = (value: string): value is ReviewKind => (reviewKinds as readonly string[]).includes(value);
const isStatus = (value: string): value is ReviewStatus => (reviewStatuses as readonly string[]).includes(value);

export function filtersFrom(params: URLSearchParams): ReviewFilters {
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  return {
    kind: isKind(kind) ? kind : '',
    status: isStatus(status) ? status : 'open',
    area: params.get('area') ?? '',
    importId: params.get('import') ?? '',
  };
}

/** The area's name in the interface language when the registry has one, else its official name. */
export function namedAreaLabel(area: NamedArea, language: string): string {
  return area.names[language] ?? area.name;
}
