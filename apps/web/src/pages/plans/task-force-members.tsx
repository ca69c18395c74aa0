import { useTranslation } from 'react-i18next';
import type { PlanMember, PlanPerson } from './types';
import { AddMemberButtons } from './add-member-buttons';
import { MemberFields } from './member-fields';

interface TaskForceMembersProps {
  members: readonly PlanMember[];
  people: readonly PlanPerson[];
  onChange: (members: PlanMember[]) => void;
  disabled: boolean;
}

/** A task force's members, with the leader toggle on adults (the plan check wants exactly one). */
export function TaskForceMembers({ members, people, onChange, disabled }: TaskForceMembersProps) {
  const { t } = useTranslation();
  const set = (index: number, member: PlanMember) => onChange(members.map((m, i) => (i === index ? member : m)));
  const firstPerson = people[0]?.id ?? '';
  return (
    <fieldset className="fieldset">
      <legend>{t('plan.members.title')}</legend>
      {members.length === 0 && <p className="muted">{t('plan.members.none')}</p>}
      {members.map((member, index) => (
        <div key={index} className="cascade">
          <MemberFields member={member} people={people} disabled={disabled} onChange={(m) => set(index, m)} />
          {member.kind === 'adult' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={member.isLeader}
                disabled={disabled}
                onChange={(e) => set(index, { ...member, isLeader: e.target.checked })}
              />
              {t('plan.members.leader')}
            </label>
          )}
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(members.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <AddMemberButtons
        canAddAdult={people.length > 0}
        disabled={disabled}
        onAddAdult={() => onChange([...members, { kind: 'adult', personId: firstPerson, isLeader: members.length === 0 }])}
        onAddStudents={() => onChange([...members, { kind: 'students', count: 1 }])}
      />
      {people.length === 0 && <p className="hint">{t('plan.members.addPeopleFirst')}</p>}
    </fieldset>
  );
}
