import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listEventCheckIns } from '@safeschools/contract';
import { api } from '../../../api/client';
import { ErrorPanel } from '../../../components/error-panel';
import { useApiQuery } from '../../../hooks/use-api-query';
import { useFormatters } from '../../../hooks/use-formatters';
import { checkInColours, checkInStatuses, type EventCheckIns } from './check-in-style';
import { CheckInAnswersTable } from './check-in-answers-table';

const SILENT_MINUTES = 30;

function Swatch({ colour }: { colour: string }) {
  // The map's colours are data, so they are set inline like the hazard legend's.
  return <span aria-hidden="true" style={{ display: 'inline-block', width: '1em', height: '1em', marginInlineEnd: '0.4em', verticalAlign: 'middle', border: `3px solid ${colour}`, borderRadius: '50%' }} />;
}

/** Who was told, who heard, who answered what, and the schools to call: the event page's check-ins section. */
export function CheckInsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const checkIns = useApiQuery(`event-check-ins:${eventId}`, (signal) =>
    api(listEventCheckIns, { params: { id: eventId }, query: { silentMinutes: SILENT_MINUTES }, signal }),
  );
  return (
    <section className="card" aria-labelledby="event-check-ins-title">
      <h2 id="event-check-ins-title">{t('checkIns.title')}</h2>
      <div aria-live="polite">{checkIns.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {checkIns.status === 'error' && <ErrorPanel error={checkIns.error} onRetry={checkIns.reload} />}
      {checkIns.status === 'success' && <CheckInsView data={checkIns.data} />}
      <button type="button" className="button secondary" onClick={checkIns.reload} disabled={checkIns.status === 'loading'}>
        {t('checkIns.refresh')}
      </button>
    </section>
  );
}

function CheckInsView({ data }: { data: EventCheckIns }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { totals } = data;
  return (
    <>
      {totals.told === 0 && <p className="muted">{t('checkIns.nobodyTold')}</p>}
      <dl className="stat-grid">
        {(['affected', 'told', 'delivered', 'answered'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`checkIns.totals.${key}`)}</dt>
            <dd>{number(totals[key])}</dd>
          </div>
        ))}
        {checkInStatuses.map((status) => (
          <div key={status}>
            <dt>
              <Swatch colour={checkInColours[status]} />
              {t(`checkIns.status.${status}`)}
            </dt>
            <dd>{number(totals.byStatus[status])}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('checkIns.mapLegend')}</p>
      <ul className="chips small">
        {[...checkInStatuses, 'none' as const].map((status) => (
          <li key={status}>
            <Swatch colour={checkInColours[status]} />
            {status === 'none' ? t('checkIns.notAnswered') : t(`checkIns.status.${status}`)}
          </li>
        ))}
      </ul>
      <SilentSchools data={data} />
      <h3>{t('checkIns.answersTitle')}</h3>
      {totals.answered === 0 ? <p className="muted">{t('checkIns.noAnswers')}</p> : <CheckInAnswersTable schools={data.schools.filter((s) => s.answer !== null)} />}
    </>
  );
}

function SilentSchools({ data }: { data: EventCheckIns }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const anyContacts = data.silent.some((s) => s.contacts.length > 0);
  return (
    <>
      <h3>{t('checkIns.silentTitle', { count: data.silentMinutes })}</h3>
      {data.silent.length === 0 ? (
        <p className="muted">{t('checkIns.silentNone', { count: data.silentMinutes })}</p>
      ) : (
        <ul aria-label={t('checkIns.silentTitle', { count: data.silentMinutes })}>
          {data.silent.map((school) => (
            <li key={school.schoolId}>
              <Link to={`/schools/${school.schoolId}`}>{school.name}</Link>{' '}
              <span className="muted small">{t('checkIns.toldAt', { time: dateTime(school.toldAt) })}</span>
              {school.contacts.length > 0 && (
                <ul>
                  {school.contacts.map((contact) => (
                    <li key={`${contact.role}:${contact.phone}`}>
                      {t(`checkIns.roles.${contact.role}`)}
                      {contact.name ? ` ${contact.name}` : ''}: <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.silent.length > 0 && !anyContacts && <p className="muted small">{t('checkIns.noNumbers')}</p>}
    </>
  );
}
