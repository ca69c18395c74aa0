import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@safeschools/contract';
import { errorMessage } from '../api/errors';
import { useFormatters } from '../hooks/use-formatters';
import { RecordProblems } from '../pages/drills/server-problems';
import { outbox } from './outbox';
import type { OutboxItem } from './outbox-item';

/** Where a refused write can be corrected: the page whose form made it, told which item to load. */
function editLink(item: OutboxItem): string | null {
  if (item.endpointId === 'recordDrill') return `/schools/${item.params.id}/drills?edit=${item.seq}`;
  if (item.endpointId === 'recordTrainingSession') return `/schools/${item.params.id}/training?edit=${item.seq}`;
  return null;
}

const problemFamily = { recordDrill: 'drills.problems', recordTrainingSession: 'training.problems', updateCorrectiveAction: 'drills.problems' } as const;

/** One waiting write: what it is, when it was made, and, if the server refused it, why, with what to do about it. */
export function PendingChange({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [busy, setBusy] = useState(false);
  const act = (action: 'retry' | 'discard') => {
    setBusy(true);
    void outbox[action](item.seq).finally(() => setBusy(false));
  };
  const refused = item.state === 'failed' && item.lastError ? new ApiError(item.lastError.status, item.lastError) : null;
  const edit = refused ? editLink(item) : null;
  return (
    <li className="stack">
      <p>
        <strong>{t(`offline.outbox.kinds.${item.endpointId}`)}</strong>
        {` · ${t('offline.outbox.madeAt', { when: dateTime(item.createdAt) })}`}
      </p>
      {refused ? (
        <div className="alert" role="alert">
          <p>{t('offline.outbox.refused', { reason: errorMessage(t, refused) })}</p>
          <RecordProblems issues={refused.problem.errors ?? []} family={problemFamily[item.endpointId]} />
        </div>
      ) : (
        <p className="muted">{item.attempts === 0 ? t('offline.outbox.waiting') : t('offline.outbox.tried', { count: item.attempts })}</p>
      )}
      <div className="cascade">
        {edit && (
          <Link className="button secondary small" to={edit}>
            {t('offline.outbox.edit')}
          </Link>
        )}
        <button type="button" className="button secondary small" disabled={busy} onClick={() => act('retry')}>
          {t('offline.outbox.retry')}
        </button>
        <button type="button" className="button secondary small" disabled={busy} onClick={() => act('discard')}>
          {t('offline.outbox.discard')}
        </button>
      </div>
    </li>
  );
}
