import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { dashboardSummary } from '@safeschools/contract';
import { api } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { InterruptedImportsNotice } from '../imports/interrupted-imports-notice';
import { DashboardCards } from './dashboard-cards';

// MapLibre is large: load it after the counts so the first screen is quick on slow phones.
const SchoolMap = lazy(() => import('./school-map').then((module) => ({ default: module.SchoolMap })));

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.title'));
  const { session } = useSession();
  const name = session.status === 'signed-in' ? session.me.name : '';
  const summary = useApiQuery('dashboard', (signal) => api(dashboardSummary, { signal }));

  return (
    <div className="stack">
      <h1>{t('dashboard.title')}</h1>
      {name && <p className="muted">{t('dashboard.welcome', { name })}</p>}
      <InterruptedImportsNotice />
      <section aria-labelledby="overview-title" aria-busy={summary.status === 'loading'}>
        <h2 id="overview-title">{t('dashboard.overview')}</h2>
        <div aria-live="polite">{summary.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
        {summary.status === 'error' && <ErrorPanel error={summary.error} onRetry={summary.reload} />}
        {summary.status === 'success' && <DashboardCards summary={summary.data} />}
      </section>
      <section aria-labelledby="map-title">
        <h2 id="map-title">{t('map.title')}</h2>
        <Suspense fallback={<p className="muted">{t('map.loading')}</p>}>
          <SchoolMap />
        </Suspense>
      </section>
    </div>
  );
}
