import { useTranslation } from 'react-i18next';
import { observerOrganisations } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';

export type Organisation = (typeof observerOrganisations)[number];
export interface ObserverDraft {
  organisation: Organisation;
  count: string;
}

/** Outside observers (fire service, civil defence…) as a count per organisation. */
export function ObserverInputs({ observers, onChange }: { observers: readonly ObserverDraft[]; onChange: (observers: ObserverDraft[]) => void }) {
  const { t } = useTranslation();
  const options = observerOrganisations.map((o) => ({ value: o, label: t(`drills.observers.${o}`) }));
  const set = (index: number, change: Partial<ObserverDraft>) => onChange(observers.map((o, i) => (i === index ? { ...o, ...change } : o)));
  return (
    <fieldset className="fieldset">
      <legend>{t('drills.observers.title')}</legend>
      {observers.map((observer, index) => (
        <div key={index} className="cascade">
          <SelectField
            label={t('drills.observers.organisation')}
            options={options}
            value={observer.organisation}
            onChange={(e) => set(index, { organisation: e.target.value as Organisation })}
          />
          <TextField label={t('drills.observers.count')} type="number" min={0} value={observer.count} onChange={(e) => set(index, { count: e.target.value })} />
          <button type="button" className="button secondary small" onClick={() => onChange(observers.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange([...observers, { organisation: 'fire_service', count: '1' }])}>
        {t('drills.observers.add')}
      </button>
    </fieldset>
  );
}
