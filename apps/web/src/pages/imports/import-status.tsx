import { isErrorCode } from '@safeschools/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from './types';

/** What an import is doing or how it ended, in words. */
export function importStatusText(t: TFunction, run: ImportRun): string {
  switch (run.status) {
    case 'queued':
      return t('imports.status.queued');
    case 'running':
      return t(run.dryRun ? 'imports.status.checking' : 'imports.status.importing');
    case 'validated':
      return t('imports.status.validated');
    case 'rejected':
      return t(run.dryRun ? 'imports.status.rejectedDryRun' : 'imports.status.rejected');
    case 'completed':
      return t('imports.status.completed');
    case 'failed':
      return t('imports.status.failed');
    case 'interrupted':
      return t('imports.status.interrupted');
    case 'abandoned':
      return t('imports.status.abandoned');
  }
}

/** The same status in a word or two, as a list shows it. */
export function importStatusWord(t: TFunction, run: Pick<ImportRun, 'status' | 'dryRun'>): string {
  switch (run.status) {
    case 'queued':
      return t('imports.statusWord.queued');
    case 'running':
      return t(run.dryRun ? 'imports.statusWord.checking' : 'imports.statusWord.importing');
    case 'validated':
      return t('imports.statusWord.validated');
    case 'rejected':
      return t(run.dryRun ? 'imports.statusWord.rejectedDryRun' : 'imports.statusWord.rejected');
    case 'completed':
      return t('imports.statusWord.completed');
    case 'failed':
      return t('imports.statusWord.failed');
    case 'interrupted':
      return t('imports.statusWord.interrupted');
    case 'abandoned':
      return t('imports.statusWord.abandoned');
  }
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
