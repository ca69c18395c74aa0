import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planSectionLabels } from '@safeschools/domain';
import { updateCorrectiveAction } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { formatDay } from '../plans/format-day';
import { useSafetyLanguage } from '../plans/ui-language';
import type { CorrectiveAction, Drill } from './types';

/** Today on the user's clock, as the YYYY-MM-DD the API stores. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

interface CorrectiveActionsProps {
  drill: Drill;
  canWrite: boolean;
  onChanged: (drill: Drill) => void;
}

/** A drill's corrective actions; marking one done tells the user which plan section now needs an update. */
export function CorrectiveActions({ drill, canWrite, onChanged }: CorrectiveActionsProps) {
  const { t, i18n } = useTranslation();
  const lang = useSafetyLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const complete = async (action: CorrectiveAction) => {
    setBusy(action.id);
    setError(null);
    try {
      const updated = await api(updateCorrectiveAction, {
        params: { id: drill.id, actionId: action.id },
        body: { status: 'done', completedOn: today(), version: drill.version },
      });
      setNotice(
        action.planSection
          ? t('drills.actions.doneMarks', { section: planSectionLabels[action.planSection][lang] })
          : t('drills.actions.doneNoSection'),
      );
      onChanged(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (drill.correctiveActions.length === 0) return <p className="muted">{t('drills.actions.none')}</p>;
  return (
    <div className="stack">
      <ul>
        {drill.correctiveActions.map((action) => (
          <li key={action.id}>
            <p>
              <strong>{action.description}</strong>
            </p>
            <p className="muted">
              {t('drills.actions.summary', {
                owner: action.owner,
                due: formatDay(action.dueOn, i18n.language),
                status: t(`drills.actions.statuses.${action.status}`),
              })}
              {action.planSection && ` · ${t('drills.actions.changes', { section: planSectionLabels[action.planSection][lang] })}`}
            </p>
            {canWrite && action.status !== 'done' && (
              <button type="button" className="button secondary small" disabled={busy !== null} onClick={() => void complete(action)}>
                {t('drills.actions.markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div aria-live="polite">{notice && <p className="warning">{notice}</p>}</div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
