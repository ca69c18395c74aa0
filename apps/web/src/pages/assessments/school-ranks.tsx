import { useTranslation } from 'react-i18next';
import type { Assessment } from './types';

/** "3rd of 41" in the school's block and district, among the latest submitted assessments there. */
export function SchoolRanks({ ranks }: { ranks: Assessment['ranks'] }) {
  const { t } = useTranslation();
  if (ranks.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="ranks-title">
      <h2 id="ranks-title">{t('report.ranksTitle')}</h2>
      <dl className="details-list">
        {ranks.map((rank) => (
          <div key={rank.areaId}>
            <dt>{t('report.rankIn', { level: t(`areaLevels.${rank.level}`, { defaultValue: rank.level }), name: rank.name })}</dt>
            <dd>{rank.rank === null ? t('report.notRanked') : t('report.rank', { count: rank.rank, ordinal: true, of: rank.of })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
