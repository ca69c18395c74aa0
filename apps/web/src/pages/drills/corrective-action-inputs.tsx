import { useTranslation } from 'react-i18next';
import { planSectionLabels, planSections, type PlanSection } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useSafetyLanguage } from '../plans/ui-language';

export interface ActionDraft {
  description: string;
  owner: string;
  dueOn: string;
  planSection: PlanSection | '';
}

interface CorrectiveActionInputsProps {
  actions: readonly ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
}

/** Corrective actions typed with a drill: what, who, by when, and the plan section it will change. */
export function CorrectiveActionInputs({ actions, onChange }: CorrectiveActionInputsProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const sections = planSections.map((s) => ({ value: s, label: planSectionLabels[s][lang] }));
  const set = (index: number, change: Partial<ActionDraft>) => onChange(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));
  return (
    <fieldset className="fieldset">
      <legend>{t('drills.actions.title')}</legend>
      {actions.map((action, index) => (
        <div key={index} className="cascade">
          <TextField label={t('drills.actions.description')} value={action.description} required onChange={(e) => set(index, { description: e.target.value })} />
          <TextField label={t('drills.actions.owner')} value={action.owner} required onChange={(e) => set(index, { owner: e.target.value })} />
          <TextField label={t('drills.actions.dueOn')} type="date" value={action.dueOn} required onChange={(e) => set(index, { dueOn: e.target.value })} />
          <SelectField
            label={t('drills.actions.planSection')}
            options={sections}
            placeholder={t('drills.actions.noSection')}
            value={action.planSection}
            onChange={(e) => set(index, { planSection: e.target.value as PlanSection | '' })}
          />
          <button type="button" className="button secondary small" onClick={() => onChange(actions.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange([...actions, { description: '', owner: '', dueOn: '', planSection: '' }])}>
        {t('drills.actions.add')}
      </button>
    </fieldset>
  );
}
