import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listInstruments } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { uuidv7 } from '../../lib/uuid-v7';
import { chooseInstrument } from './choose-instrument';
import { writeLocalDraft } from './draft-storage';

async function loadInstruments(signal: AbortSignal) {
  return (await api(listInstruments, { signal })).items;
}

/**
 * Starts a self-assessment: makes its id on the device (so an offline phone can save and retry under it) and
 * keeps an empty draft there, then opens it. Nothing reaches the server until the first Save.
 */
export function NewAssessmentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('assessment.title'));
  const { id: schoolId = '' } = useParams();
  const navigate = useNavigate();
  const instruments = useApiQuery('instruments', loadInstruments);
  const chosen = instruments.status === 'success' ? chooseInstrument(instruments.data) : undefined;
  // Development's double-run of effects must not leave a second, orphaned draft on the device.
  const started = useRef(false);

  useEffect(() => {
    if (!chosen || started.current) return;
    started.current = true;
    const id = uuidv7();
    writeLocalDraft(id, {
      schoolId,
      instrumentId: chosen.id,
      instrumentVersion: chosen.version,
      answers: {},
      hazardContext: {},
      unsaved: true,
    });
    void navigate(`/assessments/${id}`, { replace: true });
  }, [chosen, schoolId, navigate]);

  return (
    <div className="stack">
      <h1>{t('assessment.title')}</h1>
      {instruments.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {instruments.status === 'error' && <ErrorPanel error={instruments.error} onRetry={instruments.reload} />}
      {instruments.status === 'success' && !chosen && <p className="muted">{t('assessment.noInstrument')}</p>}
    </div>
  );
}
