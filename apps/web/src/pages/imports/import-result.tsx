import { useTranslation } from 'react-i18next';
import { ImportCounts } from './import-counts';
import { ImportProblems } from './import-problems';
import { ImportReviewsLink } from './import-reviews-link';
import type { ImportRun } from './types';

/** The summary of a finished import. */
export function ImportResult({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  return (
    <div className="result-panel stack">
      <h3>{t('imports.result.title')}</h3>
      <ImportCounts run={run} />
      {run.kind === 'schools' && !run.dryRun && (run.status === 'completed' || run.status === 'abandoned') && (
        <ImportReviewsLink importId={run.id} />
      )}
      {run.errors.length > 0 && <ImportProblems run={run} />}
    </div>
  );
}
