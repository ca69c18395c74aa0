import { useTranslation } from 'react-i18next';
import type { SafetyHazard } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useHazardOptions } from './hazard-options';
import type { PlanContent } from './types';

type Planned = PlanContent['drillSchedule'][number];

interface DrillScheduleSectionProps {
  schedule: readonly Planned[];
  onChange: (schedule: Planned[]) => void;
  disabled: boolean;
}

export function DrillScheduleSection({ schedule, onChange, disabled }: DrillScheduleSectionProps) {
  const { t } = useTranslation();
  const hazards = useHazardOptions();
  const set = (index: number, change: Partial<Planned>) => onChange(schedule.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <>
      <p className="muted">{t('plan.drillSchedule.intro')}</p>
      {schedule.map((drill, index) => (
        <div key={index} className="cascade">
          <SelectField
            label={t('plan.hazard')}
            options={hazards}
            value={drill.hazard}
            disabled={disabled}
            onChange={(e) => set(index, { hazard: e.target.value as SafetyHazard })}
          />
          <TextField label={t('plan.plannedOn')} type="date" value={drill.plannedOn} disabled={disabled} onChange={(e) => set(index, { plannedOn: e.target.value })} />
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(schedule.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange([...schedule, { hazard: 'earthquake', plannedOn: '' }])}>
        {t('plan.drillSchedule.add')}
      </button>
    </>
  );
}
