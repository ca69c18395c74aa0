import { useTranslation } from 'react-i18next';

/** Marks an early earthquake event whose intensities are estimated from magnitude and depth, not measured. */
export function EstimatedBadge({ estimated }: { estimated: boolean }) {
  const { t } = useTranslation();
  if (!estimated) return null;
  return (
    <span className="badge" title={t('events.estimatedHint')}>
      {t('events.estimated')}
    </span>
  );
}
