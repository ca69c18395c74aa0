import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { ImportCounts } from './import-counts';
import type { ImportRun } from './types';

/**
 * An import its server's stop cut short: what its saved batches wrote, and the choice between going on after them
 * and giving up the rest (what was saved stays either way).
 */
export function InterruptedImport({
  run,
  disabled,
  onResume,
  onAbandon,
}: {
  run: ImportRun;
  disabled: boolean;
  onResume: () => void;
  onAbandon: () => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const saved = run.counts.created + run.counts.updated + run.counts.unchanged;
  return (
    <div className="result-panel stack">
      <h3>{t('imports.interrupted.title')}</h3>
      <p>
        {run.lastCommittedRow === null
          ? t('imports.interrupted.nothingSaved')
          : t('imports.interrupted.saved', { count: saved, rows: number(saved), row: number(run.lastCommittedRow) })}
      </p>
      {run.lastCommittedRow !== null && <ImportCounts run={run} />}
      <p className="muted">{t('imports.interrupted.choice')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={onResume} disabled={disabled}>
          {t('imports.interrupted.resume')}
        </button>
        <button type="button" className="button secondary" onClick={onAbandon} disabled={disabled}>
          {t('imports.interrupted.abandon')}
        </button>
      </div>
    </div>
  );
}
