import { useTranslation } from 'react-i18next';
import { taskForceLabels } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { StringListEditor } from './string-list-editor';
import { TaskForceMembers } from './task-force-members';
import type { PlanContent, TaskForce } from './types';
import { useSafetyLanguage } from './ui-language';

interface TaskForceEditorProps {
  force: TaskForce;
  people: PlanContent['people'];
  buses: PlanContent['profile']['buses'];
  onChange: (force: TaskForce) => void;
  onRemove: () => void;
  disabled: boolean;
}

const phases = ['before', 'during', 'after'] as const;

export function TaskForceEditor({ force, people, buses, onChange, onRemove, disabled }: TaskForceEditorProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const title = force.type === 'custom' ? force.customName || t('plan.taskForces.customUnnamed') : taskForceLabels[force.type][lang];
  return (
    <fieldset className="fieldset stack">
      <legend>{title}</legend>
      {force.type === 'custom' && (
        <TextField
          label={t('plan.taskForces.customName')}
          value={force.customName ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...force, customName: e.target.value })}
        />
      )}
      {force.type === 'bus_safety' && (
        <SelectField
          label={t('plan.taskForces.bus')}
          options={buses.map((bus) => ({ value: bus.id, label: bus.registration }))}
          placeholder={t('plan.taskForces.chooseBus')}
          value={force.busId ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...force, ...(e.target.value ? { busId: e.target.value } : { busId: undefined }) })}
        />
      )}
      <TaskForceMembers members={force.members} people={people} disabled={disabled} onChange={(members) => onChange({ ...force, members })} />
      {phases.map((phase) => (
        <StringListEditor
          key={phase}
          label={t(`plan.taskForces.duties.${phase}`)}
          items={force.duties[phase]}
          disabled={disabled}
          onChange={(items) => onChange({ ...force, duties: { ...force.duties, [phase]: items } })}
        />
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={onRemove}>
        {t('plan.taskForces.remove', { name: title })}
      </button>
    </fieldset>
  );
}
