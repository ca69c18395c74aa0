import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planSectionLabels } from '@safeschools/domain';
import { ErrorPanel } from '../../components/error-panel';
import { outbox } from '../../offline/outbox';
import { useOutboxItems } from '../../offline/use-outbox';
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
  const queued = useOutboxItems().filter((item) => item.endpointId === 'updateCorrectiveAction' && item.params.id === drill.id);
  const waiting = (action: CorrectiveAction) => queued.some((item) => item.params.actionId === action.id);
  // Each update the server accepts raises the drill's version by one, so an update queued behind others is
  // based on the version those will leave; otherwise the second of two offline updates would be a conflict.
  const baseVersion = drill.version + queued.filter((item) => item.state === 'pending').length;

  const complete = async (action: CorrectiveAction) => {
    setBusy(action.id);
    setError(null);
    try {
      const result = await outbox.submit('updateCorrectiveAction', {
        params: { id: drill.id, actionId: action.id },
        body: { status: 'done', completedOn: today(), version: baseVersion },
      });
      if (result.status === 'queued') {
        setNotice(t('offline.queued'));
        return;
      }
      setNotice(
        action.planSection
          ? t('drills.actions.doneMarks', { section: planSectionLabels[action.planSection][lang] })
          : t('drills.actions.doneNoSection'),
      );
      onChanged(result.response);
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
              {waiting(action) && ` · ${t('offline.pendingBadge')}`}
            </p>
            {canWrite && action.status !== 'done' && !waiting(action) && (
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
