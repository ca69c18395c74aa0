import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EnrolmentCell } from '../../components/enrolment-cell';
import { useFormatters } from '../../hooks/use-formatters';
import { EstimatedBadge } from './estimated-badge';
import { StatusText } from './event-summary';
import { useEventLabels } from './use-event-labels';
import type { HazardEvent } from './types';

export function EventsTable({ events }: { events: readonly HazardEvent[] }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const labels = useEventLabels();
  const columns = {
    kind: t('events.columns.kind'),
    status: t('events.columns.status'),
    onset: t('events.columns.onset'),
    schools: t('events.columns.schools'),
    children: t('events.columns.children'),
  };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('events.caption', { count: events.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('events.columns.title')}</th>
          <th scope="col">{columns.kind}</th>
          <th scope="col">{columns.status}</th>
          <th scope="col">{columns.onset}</th>
          <th scope="col">{columns.schools}</th>
          <th scope="col">{columns.children}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <th scope="row">
              <Link to={`/events/${event.id}`}>{event.title}</Link>
            </th>
            <td data-label={columns.kind}>
              {labels.kind(event.kind)}
              <EstimatedBadge estimated={event.estimated} />
            </td>
            <td data-label={columns.status}>
              <StatusText status={event.status} />
            </td>
            <td data-label={columns.onset}>{event.onset ? dateTime(event.onset) : '—'}</td>
            <td data-label={columns.schools}>{number(event.totals.schools)}</td>
            <td data-label={columns.children}>
              <EnrolmentCell figure={event.totals.children} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
