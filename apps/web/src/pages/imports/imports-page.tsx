import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { ImportsTable } from './imports-table';
import { InterruptedImportsNotice } from './interrupted-imports-notice';
import { useImports } from './use-imports';

/** The imports the user may see, newest first, with "Load more"; an interrupted one is marked and announced on top. */
export function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.list.title'));
  const { session } = useSession();
  const canImport = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'registry.write');
  const imports = useImports();

  return (
    <div className="stack">
      <h1>{t('imports.list.title')}</h1>
      <p className="muted">{t('imports.list.intro')}</p>
      <InterruptedImportsNotice />
      {canImport && (
        <p>
          <Link className="button" to="/imports/new">
            {t('imports.list.new')}
          </Link>
        </p>
      )}
      <section aria-labelledby="imports-list-title" aria-busy={imports.loading}>
        <h2 id="imports-list-title" className="visually-hidden">
          {t('imports.list.caption')}
        </h2>
        <div aria-live="polite">{imports.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {imports.error !== null && <ErrorPanel error={imports.error} onRetry={imports.reload} />}
        {!imports.loading && imports.error === null && imports.items.length === 0 && (
          <p className="muted">{t('imports.list.empty')}</p>
        )}
        {imports.items.length > 0 && <ImportsTable imports={imports.items} />}
        {imports.hasMore && (
          <button type="button" className="button secondary" onClick={imports.loadMore} disabled={imports.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
