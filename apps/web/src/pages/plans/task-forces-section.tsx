import { useTranslation } from 'react-i18next';
import { standardTaskForceTypes, taskForceLabels, type StandardTaskForceType } from '@safeschools/domain';
import { uuidv7 } from '../../lib/uuid-v7';
import { TaskForceEditor } from './task-force-editor';
import type { PlanContent, TaskForce } from './types';
import { useSafetyLanguage } from './ui-language';

interface TaskForcesSectionProps {
  content: PlanContent;
  onChange: (forces: TaskForce[]) => void;
  disabled: boolean;
}

const emptyDuties = { before: [], during: [], after: [] };

/** The seven NDMA task forces (bus safety once per bus) and any custom ones. */
export function TaskForcesSection({ content, onChange, disabled }: TaskForcesSectionProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const forces = content.taskForces;
  const formed = new Set(forces.map((f) => f.type));
  // Bus safety may be added once per bus, so it stays on offer.
  const missing = standardTaskForceTypes.filter((type) => type === 'bus_safety' || !formed.has(type));
  const add = (type: StandardTaskForceType | 'custom') =>
    onChange([...forces, { id: uuidv7(), type, members: [], duties: emptyDuties, ...(type === 'custom' ? { customName: '' } : {}) }]);
  return (
    <>
      {forces.length === 0 && <p className="muted">{t('plan.taskForces.none')}</p>}
      {forces.map((force) => (
        <TaskForceEditor
          key={force.id}
          force={force}
          people={content.people}
          buses={content.profile.buses}
          disabled={disabled}
          onChange={(next) => onChange(forces.map((f) => (f.id === force.id ? next : f)))}
          onRemove={() => onChange(forces.filter((f) => f.id !== force.id))}
        />
      ))}
      <div className="cascade">
        {missing.map((type) => (
          <button key={type} type="button" className="button secondary small" disabled={disabled} onClick={() => add(type)}>
            {t('plan.taskForces.add', { name: taskForceLabels[type][lang] })}
          </button>
        ))}
        <button type="button" className="button secondary small" disabled={disabled} onClick={() => add('custom')}>
          {t('plan.taskForces.addCustom')}
        </button>
      </div>
    </>
  );
}
