import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '@safeschools/domain';
import { useFormatters } from '../../hooks/use-formatters';
import { PillarScores } from './pillar-scores';
import { RecommendationList } from './recommendation-list';
import { SchoolRanks } from './school-ranks';
import { TriagePanel } from './triage-panel';
import type { Assessment } from './types';
import { useSafetyLabels } from './use-safety-labels';

const PROVISIONAL_BELOW = 0.7;

/** The automatic school report of a submitted self-assessment. */
export function AssessmentReportView({ assessment, def }: { assessment: Assessment; def?: InstrumentDefinition }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useSafetyLabels(def);
  const report = assessment.report;
  if (!report) return <p className="muted">{t('report.none')}</p>;
  const { overall } = report;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="overall-title">
        <h2 id="overall-title">{t('report.overallTitle')}</h2>
        <dl className="stat-grid">
          <div className="stat-card">
            <dt>{t('report.overallScore')}</dt>
            <dd className="stat-value">{overall.score === null ? t('report.noScore') : format.number(overall.score)}</dd>
          </div>
          <div className="stat-card">
            <dt>{t('report.band')}</dt>
            <dd className="stat-value">{overall.band ?? t('report.noScore')}</dd>
            {overall.readiness && <dd className="stat-detail">{t(`report.readiness.${overall.readiness}`)}</dd>}
          </div>
          <div className="stat-card">
            <dt>{t('report.coverage')}</dt>
            <dd className="stat-value">{format.percent(overall.coverage)}</dd>
          </div>
        </dl>
        {(overall.provisional || overall.coverage < PROVISIONAL_BELOW) && <p className="warning">{t('report.provisional')}</p>}
      </section>
      <PillarScores report={report} />
      {report.redFlags.length > 0 && (
        <section className="card stack" aria-labelledby="red-flags-title">
          <h2 id="red-flags-title">{t('report.redFlagsTitle')}</h2>
          <ul>
            {report.redFlags.map((code) => (
              <li key={code}>{labels.redFlag(code)}</li>
            ))}
          </ul>
        </section>
      )}
      <RecommendationList report={report} />
      {assessment.triage && <TriagePanel triage={assessment.triage} def={def} />}
      <SchoolRanks ranks={assessment.ranks} />
    </div>
  );
}
