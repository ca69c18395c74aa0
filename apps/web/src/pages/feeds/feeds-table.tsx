import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFeed, pollFeed, updateFeed, type ResponseOf, type listFeeds } from '@safeschools/contract';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useFormatters } from '../../hooks/use-formatters';

export type Feed = ResponseOf<typeof listFeeds>['items'][number];
type PollOutcome = ResponseOf<typeof pollFeed>;
interface Action {
  (): Promise<unknown>;
}

/** Feeds with how their last polls went, and what an administrator can do with each. */
export function FeedsTable({ feeds, onChanged }: { feeds: readonly Feed[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const columns = { status: t('feeds.columns.status'), lastPoll: t('feeds.columns.lastPoll'), actions: t('feeds.columns.actions') };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('feeds.caption', { count: feeds.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('feeds.columns.feed')}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.lastPoll}</th>
          <th scope="col">{columns.actions}</th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((feed) => (
          <FeedRow key={feed.id} feed={feed} columns={columns} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

function FeedRow({ feed, columns, onChanged }: { feed: Feed; columns: Record<'status' | 'lastPoll' | 'actions', string>; onChanged: () => void }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [polled, setPolled] = useState<PollOutcome | null>(null);
  const run = async (action: Action) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const label = feed.name || feed.url;
  return (
    <tr>
      <th scope="row">
        <span>{label}</span>
        {feed.name && <p className="hint">{feed.url}</p>}
        <p className="hint">
          {t(`feeds.kinds.${feed.kind}`)} · {t(`feeds.sources.${feed.source}`)}
        </p>
      </th>
      <td data-label={columns.status}>
        <p>{feed.enabled ? t('feeds.enabled') : t('feeds.disabled')}</p>
        {feed.errorCount > 0 && <p className="field-error">{t('feeds.errors', { count: feed.errorCount })}</p>}
        {feed.lastError && <p className="hint">{feed.lastError}</p>}
      </td>
      <td data-label={columns.lastPoll}>
        <p>{feed.lastPolledAt ? dateTime(feed.lastPolledAt) : t('feeds.never')}</p>
        <p className="hint">
          {feed.lastSuccessAt ? t('feeds.lastSuccess', { when: dateTime(feed.lastSuccessAt) }) : t('feeds.neverRead')}
        </p>
        {feed.lastEntries !== null && <p className="hint">{t('feeds.entries', { count: feed.lastEntries, formatted: number(feed.lastEntries) })}</p>}
      </td>
      <td data-label={columns.actions}>
        <div className="button-row">
          <button
            type="button"
            className="button secondary small"
            disabled={busy}
            aria-label={t('feeds.pollNowOf', { name: label })}
            onClick={() =>
              void run(async () => {
                setPolled(null);
                setPolled(await api(pollFeed, { params: { id: feed.id } }));
              })
            }
          >
            {t('feeds.pollNow')}
          </button>
          <button
            type="button"
            className="button secondary small"
            disabled={busy}
            aria-label={t(feed.enabled ? 'feeds.disableOf' : 'feeds.enableOf', { name: label })}
            onClick={() => void run(() => api(updateFeed, { params: { id: feed.id }, body: { enabled: !feed.enabled } }))}
          >
            {feed.enabled ? t('feeds.disable') : t('feeds.enable')}
          </button>
          {feed.source === 'app' && (
            <button
              type="button"
              className="button secondary small"
              disabled={busy}
              aria-label={t('feeds.removeOf', { name: label })}
              onClick={() => {
                if (window.confirm(t('feeds.removeConfirm', { name: label }))) void run(() => api(deleteFeed, { params: { id: feed.id } }));
              }}
            >
              {t('feeds.remove')}
            </button>
          )}
        </div>
        <div aria-live="polite">
          {polled && (
            <p className="ok">
              {t('feeds.polled', { entries: number(polled.entries), created: number(polled.created), updated: number(polled.updated), failed: number(polled.failed.length) })}
            </p>
          )}
        </div>
        {error !== null && (
          <p role="alert" className="field-error">
            {errorMessage(t, error)}
          </p>
        )}
      </td>
    </tr>
  );
}
