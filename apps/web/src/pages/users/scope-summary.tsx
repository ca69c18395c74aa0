import { useTranslation } from 'react-i18next';
import type { User } from './types';

/** "All areas", or the areas (with their level) and schools a user may work in. */
export function ScopeSummary({ scope }: { scope: User['scope'] }) {
  const { t } = useTranslation();
  if (scope.all) return <>{t('scope.all')}</>;
  const parts = [
    ...scope.areas.map((area) => t('scope.area', { name: area.name, level: t(`areaLevels.${area.level}`) })),
    ...scope.schools.map((school) => school.name),
  ];
  if (parts.length === 0) return <span className="muted">{t('scope.none')}</span>;
  return <>{parts.join(t('common.listSeparator'))}</>;
}
