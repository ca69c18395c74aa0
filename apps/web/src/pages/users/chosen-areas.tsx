import { useTranslation } from 'react-i18next';
import { areaName } from './area-name';
import type { Area } from './types';

/** The areas already in the scope being built, each removable. */
export function ChosenAreas({ areas, onRemove }: { areas: readonly Area[]; onRemove: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div aria-live="polite">
      {areas.length === 0 ? (
        <p className="muted small">{t('scope.noneChosen')}</p>
      ) : (
        <ul className="chips" aria-label={t('scope.chosen')}>
          {areas.map((area) => {
            const name = areaName(area, i18n.language);
            return (
              <li key={area.id} className="chip">
                <span>{t('scope.area', { name, level: t(`areaLevels.${area.level}`) })}</span>
                <button
                  type="button"
                  className="chip-remove"
                  onClick={() => onRemove(area.id)}
                  aria-label={t('scope.remove', { name })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
