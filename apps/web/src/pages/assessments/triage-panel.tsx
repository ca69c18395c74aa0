import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '@safeschools/domain';
import type { Assessment } from './types';
import { useSafetyLabels } from './use-safety-labels';

/** Whether the school needs an engineer's inspection, how soon, and why. */
export function TriagePanel({ triage, def }: { triage: NonNullable<Assessment['triage']>; def?: InstrumentDefinition }) {
  const { t } = useTranslation();
  const labels = useSafetyLabels(def);
  return (
    <section className="card stack" aria-labelledby="triage-title">
      <h2 id="triage-title">{t('report.triageTitle')}</h2>
      {triage.flagged ? (
        <p className="warning">{t('report.flagged', { priority: labels.priority(triage.priority ?? 'normal') })}</p>
      ) : (
        <p>{t('report.notFlagged')}</p>
      )}
      {triage.reasons.length > 0 && (
        <ul>
          {triage.reasons.map((reason) => (
            <li key={`${reason.code}:${reason.detail}`}>{labels.reason(reason)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
