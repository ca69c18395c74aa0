import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listSchoolDrills } from '@safeschools/contract';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useOutboxSent } from '../../offline/use-outbox';
import { DrillCard } from './drill-card';
import { DrillForm } from './drill-form';
import { DrillTrendSummary } from './drill-trend';
import { DueList } from './due-list';
import { PendingDrills } from './pending-drills';
import type { Drill, SchoolDrills } from './types';

/** A school's drills: what is due, how times move, each drill against the targets, and a form for the next one. */
export function DrillsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('drills.title'));
  const { id = '' } = useParams();
  const { session } = useSession();
  const canWrite = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'safety.write');
  const loaded = useApiQuery(`drills:${id}`, (signal) => api(listSchoolDrills, { params: { id }, signal }));
  // Drills changed here since the list loaded; the newer version wins, so a later reload is never shadowed.
  const [changed, setChanged] = useState<Record<string, Drill>>({});
  const newer = (drill: Drill) => {
    const mine = changed[drill.id];
    return mine && mine.version >= drill.version ? mine : drill;
  };
  const data: SchoolDrills | null = loaded.status === 'success' ? { ...loaded.data, items: loaded.data.items.map(newer) } : null;
  const replace = (drill: Drill) => setChanged((c) => ({ ...c, [drill.id]: drill }));
  // The trend and due dates are computed by the server, so a new drill reloads them.
  const recorded = () => loaded.reload();
  // A drill or action update made offline has reached the server: show it as the server now has it.
  useOutboxSent((item) => item.params.id === id || data?.items.some((drill) => drill.id === item.params.id) === true, recorded);

  return (
    <div className="stack">
      <p>
        <Link to={`/schools/${id}`}>{t('plan.backToSchool')}</Link>
      </p>
      <h1>{t('drills.title')}</h1>
      <div aria-live="polite">{loaded.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {loaded.status === 'error' && <ErrorPanel error={loaded.error} onRetry={loaded.reload} />}
      {data && (
        <>
          <section className="card" aria-labelledby="drills-due-title">
            <h2 id="drills-due-title">{t('drills.dueTitle')}</h2>
            <DueList drills={data.due} />
          </section>
          <section className="card" aria-labelledby="drills-trend-title">
            <h2 id="drills-trend-title">{t('drills.trend.title')}</h2>
            <DrillTrendSummary trend={data.trend} />
          </section>
          <section className="stack" aria-labelledby="drills-list-title">
            <h2 id="drills-list-title">{t('drills.listTitle')}</h2>
            {data.items.length === 0 && <p className="muted">{t('drills.empty')}</p>}
            {data.items.map((drill) => (
              <DrillCard key={drill.id} drill={drill} canWrite={canWrite} onChanged={replace} />
            ))}
          </section>
        </>
      )}
      <PendingDrills schoolId={id} />
      {canWrite && <DrillForm schoolId={id} onRecorded={recorded} />}
    </div>
  );
}
