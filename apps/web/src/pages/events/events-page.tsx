import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { EventsTable } from './events-table';
import { HazardUploadForm } from './hazard-upload-form';
import { ScenarioForm } from './scenario-form';
import type { HazardEvent } from './types';
import { useEvents } from './use-events';

/** Hazard events, newest first; users who may add events get the upload and scenario forms. */
export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.title'));
  const navigate = useNavigate();
  const { session } = useSession();
  const canWrite = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'events.write');
  const events = useEvents();
  // The event page shows what the server computed, including any warnings about the file.
  const open = (event: HazardEvent) => void navigate(`/events/${event.id}`);

  return (
    <div className="stack">
      <h1>{t('events.title')}</h1>
      <p className="muted">{t('events.intro')}</p>
      <section aria-labelledby="events-list-title" aria-busy={events.loading}>
        <h2 id="events-list-title">{t('events.listTitle')}</h2>
        <div aria-live="polite">{events.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {events.error !== null && <ErrorPanel error={events.error} onRetry={events.reload} />}
        {!events.loading && events.error === null && events.items.length === 0 && <p className="muted">{t('events.empty')}</p>}
        {events.items.length > 0 && <EventsTable events={events.items} />}
        {events.hasMore && (
          <button type="button" className="button secondary" onClick={events.loadMore} disabled={events.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
      {canWrite && (
        <section className="stack" aria-labelledby="events-add-title">
          <h2 id="events-add-title">{t('events.addTitle')}</h2>
          <HazardUploadForm onCreated={open} />
          <ScenarioForm onCreated={open} />
        </section>
      )}
    </div>
  );
}
