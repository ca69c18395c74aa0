import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { CorrectiveActions } from './corrective-actions';
import { DrillChecks } from './drill-checks';
import type { Drill } from './types';

/** One recorded drill: when, what, who took part, its results against the targets and its corrective actions. */
export function DrillCard({ drill, canWrite, onChanged }: { drill: Drill; canWrite: boolean; onChanged: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const p = drill.participants;
  const children = p.girls + p.boys + p.otherChildren;
  return (
    <article className="card stack" aria-label={t('drills.cardLabel', { hazard: t(`plan.hazards.${drill.hazard}`), when: dateTime(drill.startedAt) })}>
      <h3>{`${t(`plan.hazards.${drill.hazard}`)} · ${dateTime(drill.startedAt)}`}</h3>
      {drill.scenario && <p>{drill.scenario}</p>}
      <p>
        <strong>{drill.evaluation.passed ? t('drills.passed') : t('drills.notPassed')}</strong>
      </p>
      <p className="muted">
        {t('drills.participantsSummary', {
          children: number(children),
          special: number(p.childrenWithSpecialNeeds),
          teachers: number(p.teachers),
          staff: number(p.staff),
        })}
      </p>
      <DrillChecks drill={drill} />
      {drill.whatWentWrong.length > 0 && (
        <>
          <h4>{t('drills.whatWentWrong')}</h4>
          <ul>
            {drill.whatWentWrong.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('drills.actions.title')}</h4>
      <CorrectiveActions drill={drill} canWrite={canWrite} onChanged={onChanged} />
    </article>
  );
}
