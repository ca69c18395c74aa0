import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { PlanMember, PlanPerson } from './types';
import { wholeOrZero } from './whole-or-zero';

interface MemberFieldsProps {
  member: PlanMember;
  people: readonly PlanPerson[];
  onChange: (member: PlanMember) => void;
  disabled: boolean;
}

/**
 * One member: an adult picked from the plan's people, or a group of students as a count and an optional grade.
 * There is deliberately no name field for students: children are never identified in a plan.
 */
export function MemberFields({ member, people, onChange, disabled }: MemberFieldsProps) {
  const { t } = useTranslation();
  if (member.kind === 'students') {
    return (
      <>
        <TextField
          label={t('plan.members.studentCount')}
          type="number"
          min={1}
          step={1}
          value={Number.isFinite(member.count) ? String(member.count) : ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...member, count: wholeOrZero(e.target.valueAsNumber) })}
        />
        <TextField
          label={t('plan.members.grade')}
          value={member.grade ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ kind: 'students', count: member.count, ...(e.target.value ? { grade: e.target.value } : {}) })}
        />
      </>
    );
  }
  const options = people.map((p) => ({ value: p.id, label: p.name || t('plan.people.unnamedShort') }));
  return (
    <SelectField
      label={t('plan.members.person')}
      options={options}
      placeholder={t('plan.members.choosePerson')}
      value={member.personId}
      disabled={disabled}
      onChange={(e) => onChange({ ...member, personId: e.target.value })}
    />
  );
}
