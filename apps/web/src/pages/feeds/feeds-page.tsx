import { useTranslation } from 'react-i18next';
import { listFeeds } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AddFeedForm } from './add-feed-form';
import { FeedsTable } from './feeds-table';

/** Administrators' page of the hazard feeds polled for events: their status, and adding, removing, polling now. */
export function FeedsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('feeds.title'));
  const feeds = useApiQuery('feeds', (signal) => api(listFeeds, { signal }));
  return (
    <div className="stack">
      <h1>{t('feeds.title')}</h1>
      <p className="muted">{t('feeds.intro')}</p>
      <section className="card stack" aria-labelledby="feeds-list-title">
        <h2 id="feeds-list-title">{t('feeds.listTitle')}</h2>
        {feeds.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {feeds.status === 'error' && <ErrorPanel error={feeds.error} onRetry={feeds.reload} />}
        {feeds.status === 'success' && feeds.data.items.length === 0 && <p className="muted">{t('feeds.empty')}</p>}
        {feeds.status === 'success' && feeds.data.items.length > 0 && <FeedsTable feeds={feeds.data.items} onChanged={feeds.reload} />}
      </section>
      <section className="card stack" aria-labelledby="feeds-add-title">
        <h2 id="feeds-add-title">{t('feeds.addTitle')}</h2>
        <AddFeedForm onAdded={feeds.reload} />
      </section>
    </div>
  );
}
