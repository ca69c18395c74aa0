import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getReadiness } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { DistrictFilter } from '../schools/district-filter';
import { ExportLinks } from './export-links';
import { FlaggedSchools } from './flagged-schools';
import { PillarDistribution } from './pillar-distribution';
import { PriorityListForm } from './priority-list-form';
import { ReadinessFigures } from './readiness-figures';

/** A calendar date ("2025-01-15") read as that day everywhere, not as UTC midnight shifted to the local zone. */
function calendarDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Readiness of the schools one can see, or of one district: plans, drills, task forces, scores, flags. */
export function ReadinessPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('readiness.title'));
  const [area, setArea] = useState('');
  const readiness = useApiQuery(`readiness:${area}`, (signal) => api(getReadiness, { query: { area: area || undefined }, signal }));
  return (
    <div className="stack">
      <h1>{t('readiness.title')}</h1>
      <div className="filters">
        <DistrictFilter value={area} onChange={setArea} />
      </div>
      <div aria-live="polite">{readiness.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {readiness.status === 'error' && <ErrorPanel error={readiness.error} onRetry={readiness.reload} />}
      {readiness.status === 'success' && (
        <>
          <p className="muted">{t('readiness.asOf', { date: calendarDate(readiness.data.asOf, i18n.language) })}</p>
          <ReadinessFigures readiness={readiness.data} area={area} />
          <PillarDistribution distribution={readiness.data.pillarDistribution} />
        </>
      )}
      <ExportLinks area={area} />
      <FlaggedSchools area={area} />
      <PriorityListForm area={area} />
    </div>
  );
}
