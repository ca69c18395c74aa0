import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';

/** The problems listed with a refused record, translated by code under `family` (`drills.problems.DRILL_TIME_ABSURD`). */
export function ServerProblems({ error, family }: { error: unknown; family: string }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return null;
  return (
    <ul className="warning">
      {error.problem.errors.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>{t(`${family}.${issue.code ?? 'UNKNOWN'}`, { defaultValue: t(`${family}.UNKNOWN`) })}</li>
      ))}
    </ul>
  );
}
