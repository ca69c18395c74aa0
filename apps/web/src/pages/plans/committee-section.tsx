import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { AddMemberButtons } from './add-member-buttons';
import { MemberFields } from './member-fields';
import type { CommitteeEntry, PlanPerson } from './types';

interface CommitteeSectionProps {
  committee: readonly CommitteeEntry[];
  people: readonly PlanPerson[];
  onChange: (committee: CommitteeEntry[]) => void;
  disabled: boolean;
}

const positions = ['chairperson', 'convenor', 'member'] as const;

/** The School Disaster Management Committee: one adult chairperson, a core team, student representatives as counts. */
export function CommitteeSection({ committee, people, onChange, disabled }: CommitteeSectionProps) {
  const { t } = useTranslation();
  const set = (index: number, entry: CommitteeEntry) => onChange(committee.map((c, i) => (i === index ? entry : c)));
  const positionOptions = positions.map((p) => ({ value: p, label: t(`plan.committee.positions.${p}`) }));
  return (
    <>
      {committee.length === 0 && <p className="muted">{t('plan.committee.none')}</p>}
      {committee.map((entry, index) => (
        <div key={index} className="cascade">
          <MemberFields member={entry.member} people={people} disabled={disabled} onChange={(member) => set(index, { ...entry, member })} />
          <SelectField
            label={t('plan.committee.position')}
            options={positionOptions}
            value={entry.position}
            disabled={disabled}
            onChange={(e) => set(index, { ...entry, position: e.target.value as CommitteeEntry['position'] })}
          />
          <label className="checkbox">
            <input type="checkbox" checked={entry.inCoreTeam} disabled={disabled} onChange={(e) => set(index, { ...entry, inCoreTeam: e.target.checked })} />
            {t('plan.committee.coreTeam')}
          </label>
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(committee.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <AddMemberButtons
        canAddAdult={people.length > 0}
        disabled={disabled}
        onAddAdult={() =>
          onChange([...committee, { member: { kind: 'adult', personId: people[0]?.id ?? '', isLeader: false }, position: 'member', inCoreTeam: false }])
        }
        onAddStudents={() => onChange([...committee, { member: { kind: 'students', count: 1 }, position: 'member', inCoreTeam: false }])}
      />
    </>
  );
}
