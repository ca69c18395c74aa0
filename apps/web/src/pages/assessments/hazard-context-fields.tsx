import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import type { HazardContext } from './types';

const seismicZones = ['II', 'III', 'IV', 'V'] as const;
const hazardLevels = ['low', 'moderate', 'high', 'very_high'] as const;

/**
 * Where the school stands on the official hazard maps. The triage reads these, not the questionnaire, so they are
 * asked apart from the questions; leaving one empty means "not known".
 */
export function HazardContextFields({ value, onChange }: { value: HazardContext; onChange: (next: HazardContext) => void }) {
  const { t } = useTranslation();
  const set = (key: keyof HazardContext, chosen: string) => {
    const next: Record<string, string> = { ...value };
    if (chosen) next[key] = chosen;
    else delete next[key];
    onChange(next);
  };
  const levels = hazardLevels.map((level) => ({ value: level, label: t(`assessment.hazardLevel.${level}`) }));
  return (
    <section className="card stack" aria-labelledby="hazard-context-title">
      <h2 id="hazard-context-title">{t('assessment.hazardContext.title')}</h2>
      <p className="hint">{t('assessment.hazardContext.hint')}</p>
      <div className="filters">
        <SelectField
          label={t('assessment.hazardContext.seismicZone')}
          placeholder={t('assessment.hazardContext.unknown')}
          value={value.seismicZone ?? ''}
          onChange={(event) => set('seismicZone', event.target.value)}
          options={seismicZones.map((zone) => ({ value: zone, label: t('assessment.hazardContext.zone', { zone }) }))}
        />
        {(['cyclone', 'flood', 'landslide'] as const).map((key) => (
          <SelectField
            key={key}
            label={t(`assessment.hazardContext.${key}`)}
            placeholder={t('assessment.hazardContext.unknown')}
            value={value[key] ?? ''}
            onChange={(event) => set(key, event.target.value)}
            options={levels}
          />
        ))}
      </div>
    </section>
  );
}
