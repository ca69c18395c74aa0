import { useTranslation } from 'react-i18next';
import { formatDay } from '../plans/format-day';
import type { SchoolDrills } from './types';

/** Drills due per hazard, the overdue ones said in words. */
export function DueList({ drills }: { drills: SchoolDrills['due'] }) {
  const { t, i18n } = useTranslation();
  if (drills.length === 0) return <p className="muted">{t('drills.noneDue')}</p>;
  return (
    <ul>
      {drills.map((drill) => (
        <li key={drill.hazard}>
          {t('drills.dueLine', {
            hazard: t(`plan.hazards.${drill.hazard}`),
            due: formatDay(drill.dueOn, i18n.language),
            last: drill.lastDrillOn ? formatDay(drill.lastDrillOn, i18n.language) : t('drills.neverHeld'),
          })}
          {drill.overdue && <strong className="field-error">{` ${t('drills.overdue')}`}</strong>}
        </li>
      ))}
    </ul>
  );
}
