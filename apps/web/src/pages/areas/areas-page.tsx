import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { areaName } from '../users/area-name';
import { AreaBreadcrumbs } from './area-breadcrumbs';
import { AreasTable } from './areas-table';
import { pathFrom } from './areas-href';
import { loadAreaLevel } from './load-area-level';

/** Browse country → state → district → block, with each child's schools and enrolment. */
export function AreasPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const path = pathFrom(params);
  const view = useApiQuery(`areas:${path.join(',')}`, (signal) => loadAreaLevel(path, signal));
  const here = view.status === 'success' ? view.data.trail.at(-1) : undefined;
  const hereName = here ? areaName(here, i18n.language) : undefined;
  useDocumentTitle(hereName ?? t('areas.title'));

  return (
    <div className="stack">
      <h1>{hereName ?? t('areas.title')}</h1>
      <p className="muted">{t('areas.intro')}</p>
      <div aria-live="polite">{view.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {view.status === 'error' && <ErrorPanel error={view.error} onRetry={view.reload} />}
      {view.status === 'success' && (
        <>
          <AreaBreadcrumbs trail={view.data.trail} />
          {here && hereName && (
            <p className="copy-row">
              <Link to={`/schools?area=${here.id}`}>{t('areas.schoolsIn', { name: hereName })}</Link>
              <Link to={`/reviews?area=${here.id}`}>{t('areas.reviewsIn', { name: hereName })}</Link>
            </p>
          )}
          {view.data.children.length === 0 ? (
            <p className="muted">{hereName ? t('areas.noChildren', { name: hereName }) : t('areas.empty')}</p>
          ) : (
            <AreasTable areas={view.data.children} counts={view.data.counts} path={view.data.trail.map((a) => a.id)} />
          )}
        </>
      )}
    </div>
  );
}
