import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { formatDay } from '../plans/format-day';
import type { SchoolDrills } from './types';

/** How the two timed stages moved across drills: the direction in words and each drill's time. */
export function DrillTrendSummary({ trend }: { trend: SchoolDrills['trend'] }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const stages = [
    { key: 'classroomsOut', label: t('drills.checks.codes.CLASSROOMS_OUT'), value: trend.classroomsOut },
    { key: 'assemblyPoint', label: t('drills.checks.codes.ASSEMBLY_POINT'), value: trend.assemblyPoint },
  ];
  return (
    <dl className="details-list">
      {stages.map((stage) => (
        <div key={stage.key}>
          <dt>{stage.label}</dt>
          <dd>
            {t(`drills.trend.${stage.value.direction}`)}
            {stage.value.points.length > 0 && (
              <span className="muted">
                {` (${stage.value.points
                  .map((p) => t('drills.trend.point', { on: formatDay(p.on, i18n.language), seconds: t('drills.seconds', { count: p.seconds, n: number(p.seconds) }) }))
                  .join(' → ')})`}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
