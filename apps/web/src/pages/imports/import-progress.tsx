import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';

/** A progress bar; without a known fraction it is indeterminate (no aria-valuenow). */
export function ImportProgress({ progress }: { progress: number | null }) {
  const { t } = useTranslation();
  const { percent } = useFormatters();
  const value = progress === null ? null : Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={t('imports.progressLabel')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-valuetext={value === null ? t('imports.progressUnknown') : percent(value / 100)}
    >
      <div className={value === null ? 'progress-bar indeterminate' : 'progress-bar'} style={{ width: `${value ?? 100}%` }} />
    </div>
  );
}
