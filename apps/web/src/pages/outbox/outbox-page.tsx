import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listOutbox } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFormatters } from '../../hooks/use-formatters';

/** Messages kept because no channel is configured: what each person would have received (administrators). */
export function OutboxPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  useDocumentTitle(t('outbox.title'));
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const outbox = useApiQuery(`outbox:${cursor ?? ''}`, (signal) => api(listOutbox, { query: { limit: 50, ...(cursor ? { cursor } : {}) }, signal }));
  return (
    <main className="page">
      <h1>{t('outbox.title')}</h1>
      <p role="note" className="alert">
        {t('outbox.banner')}
      </p>
      {outbox.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {outbox.status === 'error' && <ErrorPanel error={outbox.error} onRetry={outbox.reload} />}
      {outbox.status === 'success' && outbox.data.items.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
      {outbox.status === 'success' &&
        outbox.data.items.map((m) => (
          <article key={m.id} className="card" aria-label={t('outbox.messageTo', { to: m.to })}>
            <p className="muted small">
              {t('outbox.notSent')} · {t(`delivery.channel.${m.channel}`)} · {dateTime(m.createdAt)} · <Link to={`/events/${m.eventId}`}>{m.eventTitle}</Link>
            </p>
            <p>
              <strong>{t('outbox.to')}</strong> {m.recipientName} &lt;{m.to}&gt;
            </p>
            {m.subject && (
              <p>
                <strong>{t('outbox.subject')}</strong> {m.subject}
              </p>
            )}
            <pre lang={m.language} style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </pre>
          </article>
        ))}
      {outbox.status === 'success' && outbox.data.nextCursor && (
        <button type="button" className="button secondary" onClick={() => setCursor(outbox.data.nextCursor ?? undefined)}>
          {t('outbox.older')}
        </button>
      )}
    </main>
  );
}
