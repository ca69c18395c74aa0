import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { importStatusWord } from './import-status';
import type { ImportListItem } from './types';

/** Of an import cut short only what its saved batches wrote is known, not the rows of the file nor the refused ones. */
const cutShort = (item: ImportListItem) => item.status === 'interrupted' || item.status === 'abandoned';

/** Imports, newest first; each links to its page. On a phone each row is a card (responsive-table). */
export function ImportsTable({ imports }: { imports: readonly ImportListItem[] }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const columns = {
    kind: t('imports.list.columns.kind'),
    status: t('imports.list.columns.status'),
    rows: t('imports.list.columns.rows'),
    created: t('imports.list.columns.created'),
    updated: t('imports.list.columns.updated'),
    rejected: t('imports.list.columns.rejected'),
    started: t('imports.list.columns.started'),
  };
  return (
    <table className="responsive-table imports-table">
      <caption className="visually-hidden">{t('imports.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.list.columns.file')}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.rows}</th>
          <th scope="col">{columns.created}</th>
          <th scope="col">{columns.updated}</th>
          <th scope="col">{columns.rejected}</th>
          <th scope="col">{columns.started}</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((item) => (
          <tr key={item.id} className={item.status === 'interrupted' ? 'needs-decision' : undefined}>
            <th scope="row">
              <Link to={`/imports/${item.id}`}>{item.fileName}</Link>
              {item.dryRun && (
                <>
                  {' '}
                  <span className="chip">{t('imports.list.checkOnly')}</span>
                </>
              )}
            </th>
            <td data-label={columns.kind}>{t(`imports.kinds.${item.kind}`)}</td>
            <td data-label={columns.status}>
              {item.status === 'interrupted' ? (
                <span className="import-flag">
                  <strong>{importStatusWord(t, item)}</strong> <span className="small">{t('imports.list.needsDecision')}</span>
                </span>
              ) : (
                importStatusWord(t, item)
              )}
            </td>
            <td data-label={columns.rows}>{cutShort(item) ? '—' : number(item.counts.rows)}</td>
            <td data-label={columns.created}>{number(item.counts.created)}</td>
            <td data-label={columns.updated}>{number(item.counts.updated)}</td>
            <td data-label={columns.rejected}>{cutShort(item) ? '—' : number(item.counts.rejected)}</td>
            <td data-label={columns.started}>{dateTime(item.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
