import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';
import type { PlanContent } from './types';
import { wholeOrZero } from './whole-or-zero';

type Resource = PlanContent['resources'][number];

interface ResourcesSectionProps {
  resources: readonly Resource[];
  onChange: (resources: Resource[]) => void;
  disabled: boolean;
}

/** Fire extinguishers, first-aid kits, ropes…: what there is, how many, and where it is kept. */
export function ResourcesSection({ resources, onChange, disabled }: ResourcesSectionProps) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<Resource>) => onChange(resources.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <>
      {resources.map((resource, index) => (
        <div key={index} className="cascade">
          <TextField label={t('plan.resources.item')} value={resource.item} disabled={disabled} onChange={(e) => set(index, { item: e.target.value })} />
          <TextField
            label={t('plan.resources.quantity')}
            type="number"
            min={0}
            value={Number.isFinite(resource.quantity) ? String(resource.quantity) : ''}
            disabled={disabled}
            onChange={(e) => set(index, { quantity: wholeOrZero(e.target.valueAsNumber) })}
          />
          <TextField label={t('plan.resources.location')} value={resource.location} disabled={disabled} onChange={(e) => set(index, { location: e.target.value })} />
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(resources.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange([...resources, { item: '', quantity: 1, location: '' }])}>
        {t('plan.resources.add')}
      </button>
    </>
  );
}
