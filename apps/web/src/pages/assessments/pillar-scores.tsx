import { useTranslation } from 'react-i18next';
import { pillars } from '@safeschools/domain';
import { useFormatters } from '../../hooks/use-formatters';
import type { AssessmentReport } from './types';
import { useSafetyLabels } from './use-safety-labels';

/** Score and coverage of each pillar; the bar shows how much of the pillar was answered. */
export function PillarScores({ report }: { report: AssessmentReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useSafetyLabels();
  return (
    <section className="card stack" aria-labelledby="pillar-scores-title">
      <h2 id="pillar-scores-title">{t('report.pillarsTitle')}</h2>
      <table className="responsive-table">
        <thead>
          <tr>
            <th scope="col">{t('report.pillar')}</th>
            <th scope="col">{t('report.score')}</th>
            <th scope="col">{t('report.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {pillars.map((pillar) => {
            const score = report.pillars[pillar];
            if (!score || score.questions === 0) return null;
            return (
              <tr key={pillar}>
                <th scope="row">{labels.pillar(pillar)}</th>
                <td>{score.score === null ? t('report.noScore') : format.number(score.score)}</td>
                <td>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={t('report.coverageOf', { pillar: labels.pillar(pillar) })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(score.coverage * 100)}
                  >
                    <div className="progress-bar" style={{ width: `${Math.round(score.coverage * 100)}%` }} />
                  </div>
                  <span className="muted">{format.percent(score.coverage)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
