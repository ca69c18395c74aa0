import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { AssessmentForm } from './assessment-form';
import { AssessmentReportView } from './assessment-report';
import { removeLocalDraft } from './draft-storage';
import { loadAssessment, type LoadedAssessment } from './load-assessment';
import { loadInstrument } from './load-instrument';
import { SchoolLink } from './school-link';
import type { Assessment } from './types';

/** A self-assessment: the form while it is a draft, the school report once submitted. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loaded = useApiQuery(`assessment:${id}`, (signal) => loadAssessment(id, signal));
  const [submitted, setSubmitted] = useState<Assessment | null>(null);
  const current: LoadedAssessment | null = submitted
    ? { kind: 'submitted', assessment: submitted }
    : loaded.status === 'success'
      ? loaded.data
      : null;
  useDocumentTitle(current?.kind === 'submitted' ? t('report.title') : t('assessment.title'));

  const reloadFromServer = () => {
    removeLocalDraft(id);
    setSubmitted(null);
    loaded.reload();
  };

  return (
    <div className="stack">
      <div aria-live="polite">{loaded.status === 'loading' && !current && <p className="muted">{t('common.loading')}</p>}</div>
      {loaded.status === 'error' && !current && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {current && <Loaded key={current.kind} id={id} loaded={current} onSubmitted={setSubmitted} onReload={reloadFromServer} />}
    </div>
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  if (!notFound) return <ErrorPanel error={error} onRetry={onRetry} />;
  return (
    <section className="card narrow">
      <h1>{t('assessment.notFoundTitle')}</h1>
      <p>{t('assessment.notFoundBody')}</p>
    </section>
  );
}

interface LoadedProps {
  id: string;
  loaded: LoadedAssessment;
  onSubmitted: (assessment: Assessment) => void;
  onReload: () => void;
}

function Loaded({ id, loaded, onSubmitted, onReload }: LoadedProps) {
  const { t } = useTranslation();
  const source = loaded.kind === 'submitted' ? loaded.assessment : loaded.draft;
  const instrument = useApiQuery(`instrument:${source.instrumentId}:${source.instrumentVersion}`, (signal) =>
    loadInstrument(source.instrumentId, source.instrumentVersion, signal),
  );
  const def = instrument.status === 'success' ? instrument.data : undefined;

  if (loaded.kind === 'submitted')
    return (
      <>
        <SchoolLink schoolId={loaded.assessment.schoolId} />
        <h1>{t('report.title')}</h1>
        <AssessmentReportView assessment={loaded.assessment} def={def} />
      </>
    );
  return (
    <>
      <SchoolLink schoolId={loaded.draft.schoolId} />
      <h1>{t('assessment.title')}</h1>
      {loaded.offline && (
        <p className="warning" role="status">
          {t('assessment.status.openedOffline')}
        </p>
      )}
      {instrument.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {instrument.status === 'error' && <ErrorPanel error={instrument.error} onRetry={instrument.reload} />}
      {def && <AssessmentForm id={id} def={def} initial={loaded.draft} onSubmitted={onSubmitted} onReload={onReload} />}
    </>
  );
}
