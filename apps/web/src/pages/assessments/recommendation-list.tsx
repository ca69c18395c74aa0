import { useTranslation } from 'react-i18next';
import { recommendationPriorities } from '@safeschools/domain';
import { localize, recommendationsOf, type AssessmentReport } from './types';
import { useSafetyLabels } from './use-safety-labels';

/** The recommendations chosen for these answers, in the interface language, grouped most urgent first. */
export function RecommendationList({ report }: { report: AssessmentReport }) {
  const { t, i18n } = useTranslation();
  const labels = useSafetyLabels();
  const all = recommendationsOf(report);
  return (
    <section className="card stack" aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">{t('report.recommendationsTitle')}</h2>
      {all.length === 0 && <p className="muted">{t('report.noRecommendations')}</p>}
      {recommendationPriorities.map((priority) => {
        const chosen = all.filter((r) => r.priority === priority);
        if (chosen.length === 0) return null;
        return (
          <div key={priority}>
            <h3>{labels.priority(priority)}</h3>
            <ul>
              {chosen.map((r) => (
                <li key={r.id}>
                  {localize(r.text, i18n.language)} <span className="muted">({labels.pillar(r.pillar)})</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
