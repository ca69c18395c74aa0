import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { useEventLabels } from './use-event-labels';
import type { AffectedSchool, AreaImpact, HazardEvent } from './types';

/** Affected schools, strongest first, with the chance of the worst damage state when damage was assessed. */
export function AffectedSchoolsTable({
  schools,
  event,
  areas,
}: {
  schools: readonly AffectedSchool[];
  event: HazardEvent;
  areas: readonly AreaImpact[];
}) {
  const { t } = useTranslation();
  const { number, percent } = useFormatters();
  const labels = useEventLabels();
  const worst = event.limitStates.at(-1);
  const districtNames = new Map(areas.map((area) => [area.areaId, area.name ?? area.code ?? '—']));
  const columns = {
    code: t('events.schools.columns.code'),
    district: t('events.schools.columns.district'),
    intensity: t('events.schools.columns.intensity', { imt: labels.imt(event.imt) }),
    band: t('events.schools.columns.band'),
    children: t('events.schools.columns.children'),
    damage: worst ? t('events.schools.columns.damage', { state: labels.damageState(worst) }) : '',
  };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('events.schools.caption', { count: schools.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('events.schools.columns.name')}</th>
          <th scope="col">{columns.code}</th>
          <th scope="col">{columns.district}</th>
          <th scope="col">{columns.intensity}</th>
          <th scope="col">{columns.band}</th>
          <th scope="col">{columns.children}</th>
          {worst && <th scope="col">{columns.damage}</th>}
        </tr>
      </thead>
      <tbody>
        {schools.map((school) => {
          const damage = worst ? school.damage[worst] : undefined;
          return (
            <tr key={school.schoolId}>
              <th scope="row">
                <Link to={`/schools/${school.schoolId}`}>{school.name}</Link>
              </th>
              <td data-label={columns.code}>{school.code ?? '—'}</td>
              <td data-label={columns.district}>{school.districtId ? (districtNames.get(school.districtId) ?? '—') : '—'}</td>
              <td data-label={columns.intensity}>{labels.intensity(event.imt, school.intensity)}</td>
              <td data-label={columns.band}>{number(school.band)}</td>
              <td data-label={columns.children}>{school.children === null ? t('enrolment.unknown') : number(school.children)}</td>
              {worst && <td data-label={columns.damage}>{damage === undefined ? '—' : percent(damage)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
