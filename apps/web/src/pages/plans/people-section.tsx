import { useTranslation } from 'react-i18next';
import { adultRoles } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import type { PlanPerson } from './types';

interface PeopleSectionProps {
  people: readonly PlanPerson[];
  onChange: (people: PlanPerson[]) => void;
  disabled: boolean;
}

/** The adults named in the plan; committees, task forces and training attendance pick from this list. */
export function PeopleSection({ people, onChange, disabled }: PeopleSectionProps) {
  const { t } = useTranslation();
  const roleOptions = adultRoles.map((role) => ({ value: role, label: t(`plan.adultRoles.${role}`) }));
  const set = (id: string, change: Partial<PlanPerson>) => onChange(people.map((p) => (p.id === id ? { ...p, ...change } : p)));
  return (
    <>
      <p className="muted">{t('plan.people.intro')}</p>
      {people.map((person, index) => (
        <fieldset key={person.id} className="fieldset">
          <legend>{person.name || t('plan.people.unnamed', { n: index + 1 })}</legend>
          <div className="cascade">
            <TextField label={t('plan.people.name')} value={person.name} disabled={disabled} onChange={(e) => set(person.id, { name: e.target.value })} />
            <SelectField
              label={t('plan.people.role')}
              options={roleOptions}
              value={person.role}
              disabled={disabled}
              onChange={(e) => set(person.id, { role: e.target.value as PlanPerson['role'] })}
            />
            <TextField
              label={t('plan.people.designation')}
              value={person.designation ?? ''}
              disabled={disabled}
              onChange={(e) => set(person.id, { designation: e.target.value })}
            />
            <TextField
              label={t('plan.people.phone')}
              type="tel"
              value={person.phone ?? ''}
              disabled={disabled}
              onChange={(e) => set(person.id, { phone: e.target.value })}
            />
            <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(people.filter((p) => p.id !== person.id))}>
              {t('plan.remove')}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button secondary"
        disabled={disabled}
        onClick={() => onChange([...people, { id: uuidv7(), name: '', role: 'teacher' }])}
      >
        {t('plan.people.add')}
      </button>
    </>
  );
}
