import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { reviewSummary } from '@safeschools/contract';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';

/** When a finished import raised placement reviews, how many and a link to them (filtered by this import). */
export function ImportReviewsLink({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const summary = useApiQuery(`import-reviews:${importId}`, (signal) =>
    api(reviewSummary, { query: { import: importId }, signal }),
  );
  // Nothing to settle, or the count could not be read: the import result stands on its own.
  if (summary.status !== 'success' || summary.data.total === 0) return null;
  return (
    <p className="warning">
      {t('reviews.fromImport', { count: summary.data.total })}{' '}
      <Link to={`/reviews?import=${importId}`}>{t('reviews.openFromImport')}</Link>
    </p>
  );
}
