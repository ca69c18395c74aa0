import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listImports } from '@safeschools/contract';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormatters } from '../../hooks/use-formatters';

const SHOWN = 20;

/**
 * The user's own imports that a server's stop interrupted, each linked to its page to resume or abandon it; nothing
 * when there are none, the user cannot import, or they could not be read (the page stands on its own).
 */
export function InterruptedImportsNotice() {
  const { session } = useSession();
  const canImport = session.status === 'signed-in' && hasPermission(session.me.permissions, 'registry.write');
  return canImport ? <InterruptedImportsList /> : null;
}

function InterruptedImportsList() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const interrupted = useApiQuery('interrupted-imports', (signal) =>
    api(listImports, { query: { status: 'interrupted', mine: 'true', limit: SHOWN }, signal }),
  );
  if (interrupted.status !== 'success' || interrupted.data.items.length === 0) return null;
  const items = interrupted.data.items;
  return (
    <section className="warning stack" aria-labelledby="interrupted-imports-notice">
      <p id="interrupted-imports-notice">{t('imports.notice.interrupted', { count: items.length })}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/imports/${item.id}`}>{item.fileName}</Link> <span className="muted">{dateTime(item.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
