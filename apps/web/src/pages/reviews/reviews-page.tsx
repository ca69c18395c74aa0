import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reviewSummary } from '@safeschools/contract';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ReviewCard } from './review-card';
import { ReviewFilterFields } from './review-filters';
import { ReviewSummaryCounts } from './review-summary';
import { filtersFrom, type Review, type ReviewFilters } from './types';
import { useReviews } from './use-reviews';

function paramsOf(filters: ReviewFilters): Record<string, string> {
  const entries = Object.entries({
    kind: filters.kind,
    status: filters.status === 'open' ? '' : filters.status,
    area: filters.area,
    import: filters.importId,
  });
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

/** Placement disagreements the importer raised: counts by kind, filters, the list and a decision per review. */
export function ReviewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reviews.title'));
  const { session } = useSession();
  const canResolve = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'registry.write');
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const { status, area, importId } = filters;
  const summary = useApiQuery(`reviews:summary:${status}:${area}:${importId}`, (signal) =>
    api(reviewSummary, { query: { status, area: area || undefined, import: importId || undefined }, signal }),
  );
  const reviews = useReviews(filters);
  const { replace, reload: reloadReviews } = reviews;
  const reloadSummary = summary.reload;
  const onResolved = useCallback(
    (review: Review) => {
      replace(review);
      reloadSummary();
    },
    [replace, reloadSummary],
  );
  // Someone else settled or changed a review meanwhile: show the list and the counts as they are now.
  const onStale = useCallback(() => {
    reloadReviews();
    reloadSummary();
  }, [reloadReviews, reloadSummary]);

  return (
    <div className="stack">
      <h1>{t('reviews.title')}</h1>
      <p className="muted">{t('reviews.intro')}</p>
      {summary.status === 'success' && <ReviewSummaryCounts summary={summary.data} />}
      {summary.status === 'error' && <ErrorPanel error={summary.error} onRetry={summary.reload} />}
      <ReviewFilterFields filters={filters} onChange={(next) => setParams(paramsOf(next), { replace: true })} />
      <section aria-labelledby="reviews-list-title" aria-busy={reviews.loading} className="stack">
        <h2 id="reviews-list-title" className="visually-hidden">
          {t('reviews.listTitle')}
        </h2>
        <div aria-live="polite">{reviews.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {reviews.error !== null && <ErrorPanel error={reviews.error} onRetry={reviews.reload} />}
        {!reviews.loading && reviews.error === null && reviews.items.length === 0 && (
          <p className="muted">{t('reviews.empty')}</p>
        )}
        {reviews.items.map((review) => (
          <ReviewCard key={review.id} review={review} canResolve={canResolve} onResolved={onResolved} onStale={onStale} />
        ))}
        {reviews.hasMore && (
          <button type="button" className="button secondary" onClick={reviews.loadMore} disabled={reviews.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
