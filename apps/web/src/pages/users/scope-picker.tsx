import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { areaName } from './area-name';
import { loadChildAreas, loadTopAreas } from './load-top-areas';
import { ChosenAreas } from './chosen-areas';
import type { Area } from './types';

interface ScopePickerProps {
  value: readonly Area[];
  onChange: (areas: Area[]) => void;
  error?: string;
}

/** Cascading selects (country → state → district → block); "Add" puts the deepest chosen area in scope. */
export function ScopePicker({ value, onChange, error }: ScopePickerProps) {
  const { t, i18n } = useTranslation();
  const top = useApiQuery('areas:top', loadTopAreas);
  const [path, setPath] = useState<Area[]>([]);
  const [children, setChildren] = useState<Record<string, Area[]>>({});
  const [loadError, setLoadError] = useState<unknown>(null);

  const topItems = top.status === 'success' ? top.data : [];
  const levels: Area[][] = [topItems];
  for (const area of path) {
    const items = children[area.id];
    if (!items || items.length === 0) break;
    levels.push(items);
  }

  const choose = (depth: number, id: string) => {
    const area = levels[depth]?.find((a) => a.id === id);
    setPath(area ? [...path.slice(0, depth), area] : path.slice(0, depth));
    if (area && area.level !== 'block' && !(area.id in children)) {
      setLoadError(null);
      loadChildAreas(area.id).then((items) => setChildren((c) => ({ ...c, [area.id]: items })), setLoadError);
    }
  };

  const selected = path.at(-1);
  const add = () => {
    if (selected && !value.some((a) => a.id === selected.id)) onChange([...value, selected]);
  };

  return (
    <fieldset className="fieldset">
      <legend>{t('scope.legend')}</legend>
      <p className="hint">{t('scope.hint')}</p>
      {top.status === 'loading' && (
        <p className="muted" role="status">
          {t('scope.loading')}
        </p>
      )}
      {top.status === 'error' && <ErrorPanel error={top.error} onRetry={top.reload} />}
      {top.status === 'success' && topItems.length === 0 && <p className="muted">{t('scope.noAreas')}</p>}
      {topItems.length > 0 && (
        <div className="cascade">
          {levels.map((items, depth) => (
            <SelectField
              key={items[0]?.level ?? depth}
              label={t(`areaLevels.${items[0]?.level ?? 'country'}`)}
              placeholder={t('scope.choose')}
              value={path[depth]?.id ?? ''}
              onChange={(event) => choose(depth, event.target.value)}
              options={items.map((a) => ({ value: a.id, label: areaName(a, i18n.language) }))}
            />
          ))}
          <button type="button" className="button secondary" onClick={add} disabled={!selected}>
            {selected ? t('scope.add', { name: areaName(selected, i18n.language) }) : t('scope.addNone')}
          </button>
        </div>
      )}
      {loadError !== null && <ErrorPanel error={loadError} />}
      <ChosenAreas areas={value} onRemove={(id) => onChange(value.filter((a) => a.id !== id))} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
