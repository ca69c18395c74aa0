import { useTranslation } from 'react-i18next';
import { pillars } from '@safeschools/domain';
import { useFormatters } from '../../hooks/use-formatters';
import { useSafetyLabels } from '../assessments/use-safety-labels';
import type { Histogram, Readiness } from './types';

/** How the schools' scores spread over 0-100 in each pillar, as plain bars (no chart library). */
export function PillarDistribution({ distribution }: { distribution: Readiness['pillarDistribution'] }) {
  const { t } = useTranslation();
  const labels = useSafetyLabels();
  return (
    <section className="card stack" aria-labelledby="distribution-title">
      <h2 id="distribution-title">{t('readiness.distributionTitle')}</h2>
      <div className="stat-grid">
        {pillars.map((pillar) => {
          const histogram = distribution[pillar];
          return histogram ? <PillarBars key={pillar} title={labels.pillar(pillar)} histogram={histogram} /> : null;
        })}
      </div>
    </section>
  );
}

function PillarBars({ title, histogram }: { title: string; histogram: Histogram }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const max = Math.max(1, ...histogram.buckets.map((b) => b.count));
  return (
    <figure className="stat-card">
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <table className="histogram">
        <tbody>
          {histogram.buckets.map((bucket) => (
            <tr key={bucket.from}>
              <th scope="row">{t('readiness.bucket', { from: format.number(bucket.from), to: format.number(bucket.to) })}</th>
              <td style={{ width: '100%' }}>
                <div className="progress" aria-hidden="true">
                  <div className="progress-bar" style={{ width: `${(100 * bucket.count) / max}%` }} />
                </div>
              </td>
              <td>{format.number(bucket.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {histogram.unscored > 0 && <p className="muted">{t('readiness.unscored', { count: histogram.unscored })}</p>}
    </figure>
  );
}
