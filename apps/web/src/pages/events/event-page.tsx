import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getEvent } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { EventImpactSections } from './event-impact-sections';
import { CheckInsPanel } from './check-ins/check-ins-panel';
import { DeliveryPanel } from './delivery/delivery-panel';
import { TellSchoolsPanel } from './tell-schools/tell-schools-panel';
import { EventDetails } from './event-summary';
import { EventWarnings } from './event-warnings';
import { HazardLegend } from './hazard-legend';
import { loadMapSchools, MAP_SCHOOL_LIMIT } from './load-map-schools';
import type { EventWithDisplay } from './types';

// MapLibre is large: load it after the event, as the home page does.
const HazardMap = lazy(() => import('./hazard-map').then((module) => ({ default: module.HazardMap })));

/** An event that does not exist, is out of scope (both 404) or whose id is malformed (400). */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));
}

export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useApiQuery(`event:${id}`, (signal) => api(getEvent, { params: { id }, signal }));
  useDocumentTitle(event.status === 'success' ? event.data.title : t('events.event.title'));

  return (
    <div className="stack">
      <p>
        <Link to="/events">{t('events.event.back')}</Link>
      </p>
      <div aria-live="polite">{event.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {event.status === 'error' &&
        (isNotFound(event.error) ? (
          <section className="card narrow">
            <h1>{t('events.event.notFoundTitle')}</h1>
            <p>{t('events.event.notFoundBody')}</p>
          </section>
        ) : (
          <ErrorPanel error={event.error} onRetry={event.reload} />
        ))}
      {event.status === 'success' && <EventView event={event.data} />}
    </div>
  );
}

function EventView({ event }: { event: EventWithDisplay }) {
  const { t } = useTranslation();
  const mapSchools = useApiQuery(`event-map:${event.id}:${event.version}`, (signal) => loadMapSchools(event.id, signal));
  return (
    <>
      <h1>{event.title}</h1>
      <section className="card" aria-labelledby="event-details-title">
        <h2 id="event-details-title">{t('events.event.details')}</h2>
        <EventDetails event={event} />
      </section>
      <EventWarnings warnings={event.warnings} />
      <section aria-labelledby="event-map-title">
        <h2 id="event-map-title">{t('events.map.title')}</h2>
        <Suspense fallback={<p className="muted">{t('map.loading')}</p>}>
          <HazardMap event={event} schools={mapSchools.status === 'success' ? mapSchools.data.schools : []} />
        </Suspense>
        <p className="muted small">{t('events.map.legend')}</p>
        <HazardLegend event={event} />
        {mapSchools.status === 'success' && mapSchools.data.more && (
          <p className="muted small">{t('events.map.capped', { count: MAP_SCHOOL_LIMIT })}</p>
        )}
        {mapSchools.status === 'error' && <ErrorPanel error={mapSchools.error} onRetry={mapSchools.reload} />}
      </section>
      <TellSchoolsPanel eventId={event.id} />
      <DeliveryPanel eventId={event.id} />
      <CheckInsPanel eventId={event.id} />
      <EventImpactSections event={event} />
    </>
  );
}
