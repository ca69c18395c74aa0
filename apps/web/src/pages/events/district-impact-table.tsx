import { useTranslation } from 'react-i18next';
import { EnrolmentCell } from '../../components/enrolment-cell';
import { useFormatters } from '../../hooks/use-formatters';
import { useEventLabels } from './use-event-labels';
import type { AreaImpact } from './types';

/**
 * The impact by district, most children first (the server's order); schools outside any district last. Children
 * say "Enrolment unknown" when no affected school of the district has one, and how many schools they leave out.
 */
export function DistrictImpactTable({ areas, imt }: { areas: readonly AreaImpact[]; imt: string }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const labels = useEventLabels();
  const columns = {
    schools: t('events.districts.columns.schools'),
    children: t('events.districts.columns.children'),
    girls: t('events.districts.columns.girls'),
    boys: t('events.districts.columns.boys'),
    max: t('events.districts.columns.maxIntensity', { imt: labels.imt(imt) }),
  };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('events.districts.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('events.districts.columns.name')}</th>
          <th scope="col">{columns.schools}</th>
          <th scope="col">{columns.children}</th>
          <th scope="col">{columns.girls}</th>
          <th scope="col">{columns.boys}</th>
          <th scope="col">{columns.max}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((area) => (
          <tr key={area.areaId ?? 'none'}>
            <th scope="row">{area.areaId === null ? t('events.districts.outside') : (area.name ?? area.code ?? '—')}</th>
            <td data-label={columns.schools}>{number(area.schools)}</td>
            <td data-label={columns.children}>
              <EnrolmentCell figure={area.children} />
            </td>
            <td data-label={columns.girls}>
              <EnrolmentCell figure={area.girls} />
            </td>
            <td data-label={columns.boys}>
              <EnrolmentCell figure={area.boys} />
            </td>
            <td data-label={columns.max}>{labels.intensity(imt, area.maxIntensity)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
