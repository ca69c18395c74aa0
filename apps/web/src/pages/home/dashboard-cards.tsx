import { useTranslation } from 'react-i18next';
import type { ResponseOf, dashboardSummary } from '@safeschools/contract';
import { useEnrolmentText } from '../../hooks/use-enrolment-text';
import { useFormatters } from '../../hooks/use-formatters';

type Summary = ResponseOf<typeof dashboardSummary>;

interface Card {
  key: string;
  /** Picks the label's plural form. */
  count: number;
  value: string;
  detail?: string | null;
}

/**
 * The dashboard counts, each as a labelled term/value pair. Children say what they cover: the schools with an
 * enrolment and those without one; with none, "Enrolment unknown" rather than 0.
 */
export function DashboardCards({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const enrolment = useEnrolmentText();
  const count = (key: string, value: number, detail?: string): Card => ({
    key,
    count: value,
    value: format.number(value),
    detail,
  });
  const cards: Card[] = [
    count('schools', summary.schools),
    {
      key: 'children',
      count: summary.children.total ?? summary.schools,
      value: enrolment.value(summary.children),
      detail: enrolment.coverage(summary.children),
    },
    count(
      'plans',
      summary.plans,
      t('dashboard.plansApproved', { count: summary.plansApproved, value: format.number(summary.plansApproved) }),
    ),
    count(
      'drills',
      summary.drills,
      t('dashboard.drillsLastSixMonths', {
        count: summary.drillsLastSixMonths,
        value: format.number(summary.drillsLastSixMonths),
      }),
    ),
    count('areas', summary.areas),
  ];
  return (
    <dl className="stat-grid">
      {cards.map((card) => (
        <div key={card.key} className="stat-card">
          <dt>{t(`dashboard.${card.key}`, { count: card.count })}</dt>
          <dd className="stat-value">{card.value}</dd>
          {card.detail && <dd className="stat-detail">{card.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
