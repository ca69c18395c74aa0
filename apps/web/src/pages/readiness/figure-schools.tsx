import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getSchool } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { schoolName, type School } from '../schools/types';

const PAGE = 20;

/**
 * The schools behind a figure. The figure carries ids only and the registry has no "these ids" filter, so
 * names are fetched one school at a time, a page at a time.
 */
export function FigureSchools({ schoolIds }: { schoolIds: readonly string[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  if (schoolIds.length === 0) return <p className="muted">{t('readiness.noSchools')}</p>;
  const pages = Array.from({ length: Math.ceil(Math.min(shown, schoolIds.length) / PAGE) }, (_, i) => schoolIds.slice(i * PAGE, (i + 1) * PAGE));
  return (
    <div className="stack">
      <ul>
        {pages.map((ids) => (
          <SchoolNames key={ids.join()} ids={ids} />
        ))}
      </ul>
      {shown < schoolIds.length && (
        <button type="button" className="button secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}

function SchoolNames({ ids }: { ids: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const schools = useApiQuery(`figure-schools:${ids.join()}`, (signal) =>
    Promise.all(ids.map((id) => api(getSchool, { params: { id }, signal }))),
  );
  if (schools.status === 'loading') return <li className="muted">{t('common.loading')}</li>;
  if (schools.status === 'error')
    return (
      <li>
        <ErrorPanel error={schools.error} onRetry={schools.reload} />
      </li>
    );
  return (
    <>
      {schools.data.map((school: School) => (
        <li key={school.id}>
          <Link to={`/schools/${school.id}`}>{schoolName(school, i18n.language)}</Link>
          {school.code && <span className="muted"> {school.code}</span>}
        </li>
      ))}
    </>
  );
}
