import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { ReviewActions } from './review-actions';
import { ReviewDescription } from './review-description';
import type { Review } from './types';

// MapLibre is large: only a map someone opens loads it.
const ReviewMap = lazy(() => import('./review-map').then((module) => ({ default: module.ReviewMap })));

/** What was decided on a settled review, by whom is left to the audit log. */
function Resolution({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const resolution = review.resolution;
  if (!resolution) return null;
  // A corrected point is placed again and may disagree anew; the server then opened a fresh review for it.
  const reopened = resolution.action === 'move_point' && review.school?.placement === 'conflict';
  return (
    <div role="status">
      <p className="ok">
        {t(`reviews.resolved.${resolution.action}`)}
        {resolution.at && ` · ${dateTime(resolution.at)}`}
        {resolution.comment && ` · ${t('reviews.resolved.comment', { comment: resolution.comment })}`}
      </p>
      {reopened && <p className="warning">{t('reviews.resolved.stillDisagrees')}</p>}
    </div>
  );
}

/** One review: the school, what disagrees, a map on demand and, while it is open, the decisions (for editors). */
export function ReviewCard({
  review,
  canResolve,
  onResolved,
  onStale,
}: {
  review: Review;
  canResolve: boolean;
  onResolved: (review: Review) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [showMap, setShowMap] = useState(false);
  const school = review.school;
  const titleId = `review-${review.id}`;
  return (
    <article className="card stack" aria-labelledby={titleId}>
      <header>
        <h3 id={titleId}>
          {school ? <Link to={`/schools/${school.id}`}>{school.name}</Link> : t('reviews.schoolGone')}
          {school?.code && <span className="muted">{` · ${school.code}`}</span>}
        </h3>
        <p className="small">
          {t(`reviews.kinds.${review.kind}`)} · {t(`reviews.statuses.${review.status}`)}
        </p>
      </header>
      <ReviewDescription review={review} />
      {school && (
        <button type="button" className="button secondary" aria-expanded={showMap} onClick={() => setShowMap((shown) => !shown)}>
          {showMap ? t('reviews.map.hide') : t('reviews.map.show')}
        </button>
      )}
      {showMap && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <ReviewMap review={review} />
        </Suspense>
      )}
      <Resolution review={review} />
      {review.status === 'open' && canResolve && <ReviewActions review={review} onResolved={onResolved} onStale={onStale} />}
    </article>
  );
}
