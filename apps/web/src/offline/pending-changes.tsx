import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { PendingChange } from './pending-change';
import { useOutboxItems, useOutboxSync } from './use-outbox';

/**
 * The count of writes still on this device, opening to the list of them. Shown whenever something waits,
 * online or not: a write the server refused stays here until the user edits or discards it.
 */
export function PendingChanges() {
  const { t } = useTranslation();
  const { session } = useSession();
  useOutboxSync(session.status === 'signed-in');
  const items = useOutboxItems();
  if (items.length === 0) return null;
  const refused = items.filter((item) => item.state === 'failed').length;
  return (
    <details className="card pending-changes" open={refused > 0}>
      <summary>
        {t('offline.outbox.summary', { count: items.length })}
        {refused > 0 && ` · ${t('offline.outbox.refusedCount', { count: refused })}`}
      </summary>
      <ul className="stack">
        {items.map((item) => (
          <PendingChange key={item.seq} item={item} />
        ))}
      </ul>
    </details>
  );
}
