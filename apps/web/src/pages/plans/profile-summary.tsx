import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { DetailsRows } from './details-rows';
import type { PlanContent } from './types';

/** The profile is filled from the registry by the server; the plan shows it, the registry is where it changes. */
export function ProfileSummary({ profile }: { profile: PlanContent['profile'] }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const rows = [
    { key: 'name', label: t('plan.profile.name'), value: profile.name },
    { key: 'udise', label: t('plan.profile.udiseCode'), value: profile.udiseCode ?? '—' },
    { key: 'address', label: t('plan.profile.address'), value: profile.address || '—' },
    { key: 'girls', label: t('plan.profile.girls'), value: number(profile.students.girls) },
    { key: 'boys', label: t('plan.profile.boys'), value: number(profile.students.boys) },
    { key: 'cwsn', label: t('plan.profile.specialNeeds'), value: number(profile.childrenWithSpecialNeeds) },
    { key: 'teachers', label: t('plan.profile.teachers'), value: number(profile.teachers) },
    { key: 'staff', label: t('plan.profile.staff'), value: number(profile.nonTeachingStaff) },
    { key: 'buses', label: t('plan.profile.buses'), value: number(profile.buses.length) },
  ];
  return (
    <>
      <p className="muted">{t('plan.profile.fromRegistry')}</p>
      <DetailsRows rows={rows} />
    </>
  );
}
