import { useTranslation } from 'react-i18next';
import { formatDay } from './format-day';
import type { Plan } from './types';

/** The approval chain so far, newest first, with the comments a return carried. */
export function PlanHistory({ history }: { history: Plan['history'] }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return null;
  return (
    <section className="card" aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">{t('plan.history.title')}</h2>
      <ol>
        {[...history].reverse().map((entry, index) => (
          <li key={index}>
            {t('plan.history.entry', { on: formatDay(entry.on, i18n.language), action: t(`plan.history.actions.${entry.action}`) })}
            {entry.comments && <q>{entry.comments}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
