import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EnrolmentCell } from '../../components/enrolment-cell';
import { useFormatters } from '../../hooks/use-formatters';
import { areaName } from '../users/area-name';
import type { Area } from '../users/types';
import { areasHref } from './areas-href';
import type { RollupItem } from './load-area-level';

interface AreasTableProps {
  areas: readonly Area[];
  counts: ReadonlyMap<string, RollupItem>;
  /** Ids from the top down to the areas' parent, to build each row's link one level down. */
  path: readonly string[];
}

/**
 * The child areas with their school and enrolment counts, a link down the tree and to their schools and reviews.
 * Enrolment says "Enrolment unknown" when no school of the area has one, and how many schools it leaves out.
 */
export function AreasTable({ areas, counts, path }: AreasTableProps) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const rows = [...areas].sort((a, b) => areaName(a, i18n.language).localeCompare(areaName(b, i18n.language), i18n.language));
  const count = (value: number | undefined) => number(value ?? 0);
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('areas.caption', { count: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('areas.columns.name')}</th>
          <th scope="col">{t('areas.columns.level')}</th>
          <th scope="col">{t('areas.columns.schools')}</th>
          <th scope="col">{t('areas.columns.children')}</th>
          <th scope="col">{t('areas.columns.girls')}</th>
          <th scope="col">{t('areas.columns.boys')}</th>
          <th scope="col">{t('areas.columns.links')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((area) => {
          const name = areaName(area, i18n.language);
          const rollup = counts.get(area.id);
          return (
            <tr key={area.id}>
              <th scope="row">{area.level === 'block' ? name : <Link to={areasHref([...path, area.id])}>{name}</Link>}</th>
              <td data-label={t('areas.columns.level')}>{t(`areaLevels.${area.level}`)}</td>
              <td data-label={t('areas.columns.schools')}>{count(rollup?.schools)}</td>
              <td data-label={t('areas.columns.children')}>
                <EnrolmentCell figure={rollup?.children} />
              </td>
              <td data-label={t('areas.columns.girls')}>
                <EnrolmentCell figure={rollup?.girls} />
              </td>
              <td data-label={t('areas.columns.boys')}>
                <EnrolmentCell figure={rollup?.boys} />
              </td>
              <td data-label={t('areas.columns.links')}>
                <span className="copy-row">
                  <Link to={`/schools?area=${area.id}`} aria-label={t('areas.schoolsIn', { name })}>
                    {t('areas.schoolsLink')}
                  </Link>
                  <Link to={`/reviews?area=${area.id}`} aria-label={t('areas.reviewsIn', { name })}>
                    {t('areas.reviewsLink')}
                  </Link>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
