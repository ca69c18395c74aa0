import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { areaName } from '../users/area-name';
import type { Area } from '../users/types';
import { areasHref } from './areas-href';

/** The way back up the tree: the top, then each area browsed; the last one is where the user is. */
export function AreaBreadcrumbs({ trail }: { trail: readonly Area[] }) {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t('areas.breadcrumbs')}>
      <ol className="chips">
        <li>
          {trail.length === 0 ? (
            <span aria-current="page">{t('areas.top')}</span>
          ) : (
            <Link to={areasHref([])}>{t('areas.top')}</Link>
          )}
        </li>
        {trail.map((area, index) => (
          <li key={area.id}>
            {index === trail.length - 1 ? (
              <span aria-current="page">{areaName(area, i18n.language)}</span>
            ) : (
              <Link to={areasHref(trail.slice(0, index + 1).map((a) => a.id))}>{areaName(area, i18n.language)}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
