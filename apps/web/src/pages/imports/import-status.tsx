import { isErrorCode } from '@safeschools/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from './types';

/** The catalogue key of an import's state: a check and an import say different things while running or refused. */
function statusKey(run: Pick<ImportRun, 'status' | 'dryRun'>): string {
  if (run.status === 'running') return run.dryRun ? 'checking' : 'importing';
  if (run.status === 'rejected') return run.dryRun ? 'rejectedDryRun' : 'rejected';
  return run.status;
}

/** What an import is doing or how it ended, in words. */
export function importStatusText(t: TFunction, run: ImportRun): string {
  return t(`imports.status.${statusKey(run)}`);
}

/** The same status in a word or two, as a list shows it. */
export function importStatusWord(t: TFunction, run: Pick<ImportRun, 'status' | 'dryRun'>): string {
  return t(`imports.statusWord.${statusKey(run)}`);
}

/** The status of an import, plus why it failed when the server says so (translated when the code is known). */
export function ImportStatus({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const reason = run.error ? (isErrorCode(run.error.code) ? t(`errors.${run.error.code}`) : run.error.message) : null;
  const failed = run.status === 'failed' || run.status === 'interrupted' || (run.status === 'rejected' && !run.dryRun);
  return (
    <div className={failed ? 'alert' : undefined}>
      <p>{importStatusText(t, run)}</p>
      {reason && <p>{reason}</p>}
    </div>
  );
}
