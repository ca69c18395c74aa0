import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventNotificationSummary, listEventNotifications, type DeliverySummary } from '@safeschools/contract';
import { api } from '../../../api/client';
import { ErrorPanel } from '../../../components/error-panel';
import { useApiQuery } from '../../../hooks/use-api-query';
import { useFormatters } from '../../../hooks/use-formatters';

/** The states the panel counts, in the order a message goes; skipped and cancelled rows are not messages sent. */
export const deliveryColumns = ['queued', 'sent', 'delivered', 'failed', 'opted_out', 'not_sent'] as const;
const channels = ['email', 'sms', 'whatsapp'] as const;
const REFRESH_MS = 5_000;

/** queued counts what is still on its way: queued, being sent, or waiting for its fallback time. */
function count(counts: Record<string, number> | undefined, column: (typeof deliveryColumns)[number]): number {
  if (!counts) return 0;
  if (column === 'queued') return (counts.queued ?? 0) + (counts.sending ?? 0) + (counts.waiting ?? 0);
  if (column === 'delivered') return (counts.delivered ?? 0) + (counts.read ?? 0);
  return counts[column] ?? 0;
}

/** Who was told about this event, on which channel, and how far each message got; refreshes while sends are in flight. */
export function DeliveryPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const summary = useApiQuery(`delivery-summary:${eventId}`, (signal) => api(eventNotificationSummary, { params: { id: eventId }, signal }));
  const inFlight = summary.status === 'success' && summary.data.inFlight;
  const { reload } = summary;
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [inFlight, reload]);
  return (
    <section className="card" aria-labelledby="event-delivery-title">
      <h2 id="event-delivery-title">{t('delivery.title')}</h2>
      {summary.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {summary.status === 'error' && <ErrorPanel error={summary.error} onRetry={summary.reload} />}
      {summary.status === 'success' && <DeliveryCounts summary={summary.data} />}
      {inFlight && <p className="muted small">{t('delivery.inFlight')}</p>}
      <DeliveryLog eventId={eventId} />
    </section>
  );
}

function DeliveryCounts({ summary }: { summary: DeliverySummary }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  if (Object.keys(summary.total).length === 0) return <p className="muted">{t('delivery.nobody')}</p>;
  const header = (
    <tr>
      <th scope="col" />
      {deliveryColumns.map((c) => (
        <th key={c} scope="col">
          {t(`delivery.state.${c}`)}
        </th>
      ))}
    </tr>
  );
  const row = (key: string, label: string, counts: Record<string, number> | undefined) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {deliveryColumns.map((c) => (
        <td key={c}>{number(count(counts, c))}</td>
      ))}
    </tr>
  );
  return (
    <>
      <table className="table" aria-label={t('delivery.byChannel')}>
        <thead>{header}</thead>
        <tbody>
          {row('all', t('delivery.all'), summary.total)}
          {channels.filter((c) => summary.byChannel[c]).map((c) => row(c, t(`delivery.channel.${c}`), summary.byChannel[c]))}
        </tbody>
      </table>
      <table className="table" aria-label={t('delivery.byDistrict')}>
        <thead>{header}</thead>
        <tbody>{summary.byDistrict.map((d) => row(d.districtId ?? 'none', d.districtName ?? t('delivery.noDistrict'), d.counts))}</tbody>
      </table>
    </>
  );
}

const filterStates = ['queued', 'waiting', 'sending', 'sent', 'delivered', 'read', 'failed', 'opted_out', 'not_sent', 'skipped'] as const;

function DeliveryLog({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [status, setStatus] = useState<string>('');
  const [channel, setChannel] = useState<string>('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const log = useApiQuery(`delivery-log:${eventId}:${status}:${channel}:${cursor ?? ''}`, (signal) =>
    api(listEventNotifications, {
      params: { id: eventId },
      query: {
        limit: 50,
        ...(status ? { status: status as (typeof filterStates)[number] } : {}),
        ...(channel ? { channel: channel as (typeof channels)[number] } : {}),
        ...(cursor ? { cursor } : {}),
      },
      signal,
    }),
  );
  return (
    <>
      <h3>{t('delivery.logTitle')}</h3>
      <div className="filters">
        <label>
          {t('delivery.filterState')}{' '}
          <select value={status} onChange={(e) => (setStatus(e.target.value), setCursor(undefined))}>
            <option value="">{t('delivery.any')}</option>
            {filterStates.map((s) => (
              <option key={s} value={s}>
                {t(`delivery.rowState.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('delivery.filterChannel')}{' '}
          <select value={channel} onChange={(e) => (setChannel(e.target.value), setCursor(undefined))}>
            <option value="">{t('delivery.any')}</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`delivery.channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.status === 'error' && <ErrorPanel error={log.error} onRetry={log.reload} />}
      {log.status === 'success' &&
        (log.data.items.length === 0 ? (
          <p className="muted">{t('delivery.noRows')}</p>
        ) : (
          <table className="table" aria-label={t('delivery.logTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('delivery.col.recipient')}</th>
                <th scope="col">{t('delivery.col.school')}</th>
                <th scope="col">{t('delivery.col.channel')}</th>
                <th scope="col">{t('delivery.col.state')}</th>
                <th scope="col">{t('delivery.col.attempts')}</th>
                <th scope="col">{t('delivery.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.recipientName}
                    {r.address && <span className="muted small"> {r.address}</span>}
                  </td>
                  <td>{r.schoolName ?? r.districtName ?? ''}</td>
                  <td>{t(`delivery.channel.${r.channel}`)}</td>
                  <td>
                    {t(`delivery.rowState.${r.state}`)}
                    {r.lastErrorCode && <span className="muted small"> {r.lastErrorCode}</span>}
                  </td>
                  <td>{r.attempts}</td>
                  <td>{dateTime(r.deliveredAt ?? r.sentAt ?? r.failedAt ?? r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {log.status === 'success' && (cursor || log.data.nextCursor) && (
        <p>
          {cursor && (
            <button type="button" className="button secondary" onClick={() => setCursor(undefined)}>
              {t('delivery.first')}
            </button>
          )}{' '}
          {log.data.nextCursor && (
            <button type="button" className="button secondary" onClick={() => setCursor(log.data.nextCursor ?? undefined)}>
              {t('delivery.next')}
            </button>
          )}
        </p>
      )}
    </>
  );
}
