import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';

interface Issue {
  path: string;
  code?: string;
}

/** The problems the server listed with a refused record. */
export function issuesOf(error: unknown): Issue[] {
  return error instanceof ApiError ? (error.problem.errors ?? []) : [];
}

/** Record problems (found here or by the server), translated by code under `family` (`drills.problems.DRILL_TIME_ABSURD`). */
export function RecordProblems({ issues, family }: { issues: readonly Issue[]; family: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul className="warning">
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>{t(`${family}.${issue.code ?? 'UNKNOWN'}`, { defaultValue: t(`${family}.UNKNOWN`) })}</li>
      ))}
    </ul>
  );
}
