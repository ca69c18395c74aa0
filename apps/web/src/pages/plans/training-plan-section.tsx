import { useTranslation } from 'react-i18next';
import { defaultTrainingModules, trainingAudiences } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { PlanContent } from './types';
import { useSafetyLanguage } from './ui-language';

type Planned = PlanContent['trainingPlan'][number];

interface TrainingPlanSectionProps {
  plan: readonly Planned[];
  onChange: (plan: Planned[]) => void;
  disabled: boolean;
}

/** Planned sessions; the built-in catalogue is offered offline, before the server's catalogue is asked for. */
export function TrainingPlanSection({ plan, onChange, disabled }: TrainingPlanSectionProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const modules = defaultTrainingModules.map((m) => ({ value: m.id, label: m.title[lang] }));
  const audiences = trainingAudiences.map((a) => ({ value: a, label: t(`training.audiences.${a}`) }));
  const set = (index: number, change: Partial<Planned>) => onChange(plan.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <>
      {plan.map((entry, index) => (
        <div key={index} className="cascade">
          <SelectField label={t('training.module')} options={modules} value={entry.moduleId} disabled={disabled} onChange={(e) => set(index, { moduleId: e.target.value })} />
          <SelectField label={t('training.audience')} options={audiences} value={entry.audience} disabled={disabled} onChange={(e) => set(index, { audience: e.target.value })} />
          <TextField label={t('plan.plannedOn')} type="date" value={entry.plannedOn} disabled={disabled} onChange={(e) => set(index, { plannedOn: e.target.value })} />
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(plan.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button secondary small"
        disabled={disabled}
        onClick={() => onChange([...plan, { moduleId: defaultTrainingModules[0]?.id ?? '', audience: 'teachers', plannedOn: '' }])}
      >
        {t('plan.trainingPlan.add')}
      </button>
    </>
  );
}
