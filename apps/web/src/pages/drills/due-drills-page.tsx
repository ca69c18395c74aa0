import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listDueDrills } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { DueList } from './due-list';

/** For officers: the drills due in the schools of their scope, schools with an overdue drill on request only. */
export function DueDrillsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('drills.duePageTitle'));
  const [overdueOnly, setOverdueOnly] = useState(true);
  const due = useApiQuery(`drills-due:${overdueOnly}`, (signal) =>
    api(listDueDrills, { query: { limit: 500, ...(overdueOnly ? { overdueOnly: 'true' as const } : {}) }, signal }),
  );
  return (
    <div className="stack">
      <h1>{t('drills.duePageTitle')}</h1>
      <label className="checkbox">
        <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
        {t('drills.overdueOnly')}
      </label>
      <div aria-live="polite">{due.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {due.status === 'error' && <ErrorPanel error={due.error} onRetry={due.reload} />}
      {due.status === 'success' && due.data.items.length === 0 && <p className="muted">{t('drills.noSchoolsDue')}</p>}
      {due.status === 'success' &&
        due.data.items.map((school) => (
          <section key={school.schoolId} className="card" aria-label={school.schoolName}>
            <h2>
              <Link to={`/schools/${school.schoolId}/drills`}>{school.schoolName}</Link>
            </h2>
            {school.hazardsFrom === 'default' && <p className="hint">{t('drills.defaultHazards')}</p>}
            <DueList drills={school.drills} />
          </section>
        ))}
    </div>
  );
}
