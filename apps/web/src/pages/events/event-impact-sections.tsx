import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { AffectedSchoolsTable } from './affected-schools-table';
import { DistrictImpactTable } from './district-impact-table';
import { EventDownloads } from './event-downloads';
import { EventTotals } from './event-summary';
import type { HazardEvent } from './types';
import { useEventImpact } from './use-event-impact';

/** Totals, the districts and the affected schools of an event, as the impact endpoint reports them. */
export function EventImpactSections({ event }: { event: HazardEvent }) {
  const { t } = useTranslation();
  const impact = useEventImpact(event.id);
  const areas = impact.impact?.areas ?? [];
  return (
    <>
      <section className="card" aria-labelledby="event-totals-title">
        <h2 id="event-totals-title">{t('events.totals.title')}</h2>
        <EventTotals event={event} totals={impact.impact?.totals ?? event.totals} />
      </section>
      <section aria-labelledby="event-districts-title" aria-busy={impact.loading && !impact.impact}>
        <h2 id="event-districts-title">{t('events.districts.title')}</h2>
        {impact.impact && areas.length === 0 && <p className="muted">{t('events.districts.empty')}</p>}
        {areas.length > 0 && <DistrictImpactTable areas={areas} imt={event.imt} />}
      </section>
      <section aria-labelledby="event-schools-title" aria-busy={impact.loading}>
        <h2 id="event-schools-title">{t('events.schools.title')}</h2>
        <div aria-live="polite">{impact.loading && <p className="muted">{t('common.loading')}</p>}</div>
        {impact.error !== null && <ErrorPanel error={impact.error} onRetry={impact.reload} />}
        {impact.impact && impact.items.length === 0 && <p className="muted">{t('events.schools.empty')}</p>}
        {impact.items.length > 0 && <AffectedSchoolsTable schools={impact.items} event={event} areas={areas} />}
        {impact.hasMore && (
          <button type="button" className="button secondary" onClick={impact.loadMore} disabled={impact.loading}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
      <section aria-labelledby="event-downloads-title">
        <h2 id="event-downloads-title">{t('events.downloads.title')}</h2>
        <EventDownloads id={event.id} />
      </section>
    </>
  );
}
