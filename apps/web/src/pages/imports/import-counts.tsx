import { useTranslation } from 'react-i18next';
import { CountList } from '../../components/count-list';
import type { ImportRun } from './types';

/**
 * Rows read and what happened (or, for a dry run, would happen) to them. Of an import cut short (interrupted or then
 * abandoned) only what its saved batches wrote is known: the rows of the whole file were not all read.
 */
export function ImportCounts({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const prefix = run.dryRun ? 'imports.counts.dryRun' : 'imports.counts.done';
  const cutShort = run.status === 'interrupted' || run.status === 'abandoned';
  const items = [
    { key: 'rows', label: t('imports.counts.rows'), value: run.counts.rows },
    { key: 'created', label: t(`${prefix}.created`), value: run.counts.created },
    { key: 'updated', label: t(`${prefix}.updated`), value: run.counts.updated },
    { key: 'unchanged', label: t(`${prefix}.unchanged`), value: run.counts.unchanged },
    { key: 'rejected', label: t(`${prefix}.rejected`), value: run.counts.rejected },
  ].filter((item) => !cutShort || (item.key !== 'rows' && item.key !== 'rejected'));
  return <CountList items={items} />;
}
