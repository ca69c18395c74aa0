import { useTranslation } from 'react-i18next';
import type { ResponseOf, dashboardSummary } from '@safeschools/contract';
import { useFormatters } from '../../hooks/use-formatters';

type Summary = ResponseOf<typeof dashboardSummary>;

interface Card {
  key: string;
  value: number;
  detail?: string;
}

/** The dashboard counts, each as a labelled term/value pair. */
export function DashboardCards({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const cards: Card[] = [
    { key: 'schools', value: summary.schools },
    { key: 'children', value: summary.children },
    {
      key: 'plans',
      value: summary.plans,
      detail: t('dashboard.plansApproved', { count: summary.plansApproved, value: format.number(summary.plansApproved) }),
    },
    {
      key: 'drills',
      value: summary.drills,
      detail: t('dashboard.drillsLastSixMonths', {
        count: summary.drillsLastSixMonths,
        value: format.number(summary.drillsLastSixMonths),
      }),
    },
    { key: 'areas', value: summary.areas },
  ];
  return (
    <dl className="stat-grid">
      {cards.map((card) => (
        <div key={card.key} className="stat-card">
          <dt>{t(`dashboard.${card.key}`, { count: card.value })}</dt>
          <dd className="stat-value">{format.number(card.value)}</dd>
          {card.detail && <dd className="stat-detail">{card.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
