import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnrolmentText, type FigureTotal } from '../../hooks/use-enrolment-text';
import { useFormatters } from '../../hooks/use-formatters';
import { EstimatedBadge } from './estimated-badge';
import { useEventLabels } from './use-event-labels';
import type { HazardEvent } from './types';

/** What the event is: kind, status, CAP qualifiers when the alert had them, its time window and measure. */
export function EventDetails({ event }: { event: HazardEvent }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const labels = useEventLabels();
  const rows: { key: string; label: string; value: ReactNode }[] = [
    {
      key: 'kind',
      label: t('events.fields.kind'),
      value: (
        <>
          {labels.kind(event.kind)}
          <EstimatedBadge estimated={event.estimated} />
        </>
      ),
    },
    { key: 'status', label: t('events.fields.status'), value: <StatusText status={event.status} /> },
  ];
  if (event.severity) rows.push({ key: 'severity', label: t('events.fields.severity'), value: labels.cap('severity', event.severity) });
  if (event.urgency) rows.push({ key: 'urgency', label: t('events.fields.urgency'), value: labels.cap('urgency', event.urgency) });
  if (event.certainty) rows.push({ key: 'certainty', label: t('events.fields.certainty'), value: labels.cap('certainty', event.certainty) });
  rows.push(
    { key: 'onset', label: t('events.fields.onset'), value: event.onset ? dateTime(event.onset) : t('events.notGiven') },
    { key: 'expires', label: t('events.fields.expires'), value: event.expires ? dateTime(event.expires) : t('events.notGiven') },
    { key: 'imt', label: t('events.fields.imt'), value: labels.imt(event.imt) },
    { key: 'computedAt', label: t('events.fields.computedAt'), value: dateTime(event.computedAt) },
  );
  return (
    <dl className="details-list">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The status, with a cancelled alert marked so it cannot be mistaken for a live one. */
export function StatusText({ status }: { status: HazardEvent['status'] }) {
  const labels = useEventLabels();
  if (status === 'cancelled') return <strong className="chip">{labels.status(status)}</strong>;
  return <>{labels.status(status)}</>;
}

const sameCover = (a: FigureTotal, b: FigureTotal) =>
  a.schoolsWithFigure === b.schoolsWithFigure && a.schoolsWithoutFigure === b.schoolsWithoutFigure;

/**
 * Affected schools and children, and the expected schools in each damage state when fragility was assessed.
 * Children say what they cover ("in 812 schools with an enrolment; 179 schools without one"), and "Enrolment
 * unknown" when no affected school has one; girls and boys say so too where they cover other schools.
 */
export function EventTotals({ event, totals }: { event: HazardEvent; totals: HazardEvent['totals'] }) {
  const { t } = useTranslation();
  const { number, decimal } = useFormatters();
  const labels = useEventLabels();
  const enrolment = useEnrolmentText();
  const figure = (key: string, value: FigureTotal, withCoverage: boolean) => ({
    key,
    value: enrolment.value(value),
    detail: withCoverage ? enrolment.coverage(value) : null,
  });
  const cards = [
    { key: 'schools', value: number(totals.schools), detail: null },
    figure('children', totals.children, true),
    figure('girls', totals.girls, !sameCover(totals.girls, totals.children)),
    figure('boys', totals.boys, !sameCover(totals.boys, totals.children)),
  ];
  const states = ['none', ...event.limitStates];
  return (
    <>
      <dl className="stat-grid">
        {cards.map((card) => (
          <div key={card.key} className="stat-card">
            <dt>{t(`events.totals.${card.key}`)}</dt>
            <dd className="stat-value">{card.value}</dd>
            {card.detail && <dd className="stat-detail">{card.detail}</dd>}
          </div>
        ))}
      </dl>
      {totals.expectedByDamageState.length > 0 && (
        <>
          <h3>{t('events.totals.expectedTitle')}</h3>
          <p className="muted small">{t('events.totals.expectedHint')}</p>
          <dl className="stat-grid">
            {totals.expectedByDamageState.map((expected, i) => (
              <div key={states[i] ?? i} className="stat-card">
                <dt>{labels.damageState(states[i] ?? String(i))}</dt>
                <dd className="stat-value">{decimal(Math.round(expected * 10) / 10)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
