import { useTranslation } from 'react-i18next';
import { CountList } from '../../components/count-list';
import { reviewKinds, type ReviewSummary } from './types';

/** How many reviews of each kind match the status and area, the total first. */
export function ReviewSummaryCounts({ summary }: { summary: ReviewSummary }) {
  const { t } = useTranslation();
  const items = [
    { key: 'total', label: t('reviews.summary.total'), value: summary.total },
    ...reviewKinds.map((kind) => ({ key: kind, label: t(`reviews.kinds.${kind}`), value: summary.byKind[kind] ?? 0 })),
  ];
  return <CountList items={items} label={t('reviews.summary.label')} />;
}
