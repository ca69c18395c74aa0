import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';
import { errorMessage } from '../../api/errors';
import type { Outcome } from './use-assessment-form';

/** What happened to the last save, and what the user can do about it. */
export function SaveStatus({ outcome, unsaved, onReload }: { outcome: Outcome; unsaved: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  if (outcome.kind === 'failed') {
    const code = outcome.error instanceof ApiError ? outcome.error.code : '';
    const explained = code === 'VERSION_CONFLICT' || code === 'ASSESSMENT_SUBMITTED';
    return (
      <div className="alert" role="alert">
        <p>{explained ? t(`assessment.status.${code}`) : errorMessage(t, outcome.error)}</p>
        {explained && (
          <button type="button" className="button secondary" onClick={onReload}>
            {t('assessment.reloadLatest')}
          </button>
        )}
      </div>
    );
  }
  if (outcome.kind === 'offline')
    return (
      <p className="warning" role="alert">
        {t('assessment.status.offline')}
      </p>
    );
  if (outcome.kind === 'invalid')
    return (
      <p className="alert" role="alert">
        {t('assessment.status.invalid')}
      </p>
    );
  return (
    <p className="muted" role="status">
      {unsaved ? t('assessment.status.keptOnDevice') : outcome.kind === 'saved' ? t('assessment.status.saved') : ''}
    </p>
  );
}
