import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { DetailsRows } from './details-rows';
import type { PlanContent } from './types';
import { wholeOrZero } from './whole-or-zero';

type Profile = PlanContent['profile'];

interface ProfileSectionProps {
  profile: Profile;
  onChange: (profile: Profile) => void;
  disabled: boolean;
}

type CountKey = 'childrenWithSpecialNeeds' | 'teachers' | 'nonTeachingStaff' | 'buildings';
// `unknownable`: an empty field is "not recorded" (null), not 0; the others count an emptied field as zero.
const counts: readonly { key: CountKey; label: string; unknownable: boolean }[] = [
  { key: 'childrenWithSpecialNeeds', label: 'plan.profile.specialNeeds', unknownable: true },
  { key: 'teachers', label: 'plan.profile.teachers', unknownable: true },
  { key: 'nonTeachingStaff', label: 'plan.profile.staff', unknownable: false },
  { key: 'buildings', label: 'plan.profile.buildings', unknownable: false },
];
const students = [
  { key: 'girls', label: 'plan.profile.girls' },
  { key: 'boys', label: 'plan.profile.boys' },
  { key: 'other', label: 'plan.profile.otherChildren' },
] as const;

/**
 * The school profile: name, code and address are the registry's; the figures start from the registry but the
 * registry often lacks them (enrolment, staff, buses), so the focal point completes them here. Students, children
 * with special needs and teachers the registry lacks stay empty, "not recorded", rather than 0. The plan check
 * refuses a plan whose profile counts no students, and wants one bus safety team per bus listed.
 */
export function ProfileSection({ profile, onChange, disabled }: ProfileSectionProps) {
  const { t } = useTranslation();
  const notRecorded = t('plan.profile.notRecorded');
  const rows = [
    { key: 'name', label: t('plan.profile.name'), value: profile.name },
    { key: 'udise', label: t('plan.profile.udiseCode'), value: profile.udiseCode ?? '—' },
    { key: 'address', label: t('plan.profile.address'), value: profile.address || '—' },
  ];
  const setBus = (id: string, registration: string) =>
    onChange({ ...profile, buses: profile.buses.map((b) => (b.id === id ? { ...b, registration } : b)) });
  return (
    <>
      <p className="muted">{t('plan.profile.fromRegistry')}</p>
      <DetailsRows rows={rows} />
      <fieldset className="fieldset">
        <legend>{t('plan.profile.students')}</legend>
        <div className="cascade">
          {students.map(({ key, label }) => (
            <CountField
              key={key}
              label={t(label)}
              value={profile.students[key]}
              placeholder={notRecorded}
              disabled={disabled}
              onValue={(value) => onChange({ ...profile, students: { ...profile.students, [key]: value } })}
            />
          ))}
        </div>
      </fieldset>
      <div className="cascade">
        {counts.map(({ key, label, unknownable }) => (
          <CountField
            key={key}
            label={t(label)}
            value={profile[key]}
            placeholder={unknownable ? notRecorded : undefined}
            disabled={disabled}
            onValue={(value) => onChange({ ...profile, [key]: unknownable ? value : wholeOrZero(value ?? 0) })}
          />
        ))}
      </div>
      <fieldset className="fieldset">
        <legend>{t('plan.profile.buses')}</legend>
        {profile.buses.length === 0 && <p className="muted">{t('plan.profile.noBuses')}</p>}
        {profile.buses.map((bus) => (
          <div key={bus.id} className="cascade">
            <TextField
              label={t('plan.profile.busRegistration')}
              value={bus.registration}
              disabled={disabled}
              onChange={(e) => setBus(bus.id, e.target.value)}
            />
            <button
              type="button"
              className="button secondary small"
              disabled={disabled}
              onClick={() => onChange({ ...profile, buses: profile.buses.filter((b) => b.id !== bus.id) })}
            >
              {t('plan.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button secondary small"
          disabled={disabled}
          onClick={() => onChange({ ...profile, buses: [...profile.buses, { id: uuidv7(), registration: '' }] })}
        >
          {t('plan.profile.addBus')}
        </button>
      </fieldset>
    </>
  );
}

interface CountFieldProps {
  label: string;
  value: number | null;
  placeholder?: string;
  disabled: boolean;
  onValue: (value: number | null) => void;
}

/** A head count: a whole number, never negative; an emptied field gives null (not recorded). */
function CountField({ label, value, placeholder, disabled, onValue }: CountFieldProps) {
  return (
    <TextField
      label={label}
      type="number"
      min={0}
      step={1}
      value={value !== null && Number.isFinite(value) ? String(value) : ''}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e) => onValue(Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : null)}
    />
  );
}
