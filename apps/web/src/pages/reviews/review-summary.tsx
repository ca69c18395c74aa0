import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { reviewKinds, type ReviewSummary } from './types';

/** How many reviews of each kind match the status and area, the total first. */
export function ReviewSummaryCounts({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const items = [
    { key: 'total', label: t('reviews.summary.total'), value: summary.total },
    ...reviewKinds.map((kind) => ({ key: kind, label: t(`reviews.kinds.${kind}`), value: summary.byKind[kind] ?? 0 })),
  ];
  return (
    <dl className="count-list" aria-label={t('reviews.summary.label')}>
      {items.map((item) => (
        <div key={item.key}>
          <dt>{item.label}</dt>
          <dd>{number(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
