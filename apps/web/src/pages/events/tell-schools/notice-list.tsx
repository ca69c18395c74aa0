import { useTranslation } from 'react-i18next';
import type { EventNoticeList } from '@safeschools/contract';
import type { z } from 'zod';
import { useFormatters } from '../../../hooks/use-formatters';

type List = z.output<typeof EventNoticeList>;

/** The notices sent about the event (by rules and by hand), with their delivery counts within one's scope. */
export function NoticeList({ list }: { list: List }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  if (list.items.length === 0)
    return <p className="muted">{list.cancelledUntold ? t('tellSchools.cancelledUntold') : t('tellSchools.noneSent')}</p>;
  return (
    <table className="responsive-table" aria-label={t('tellSchools.sentTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('tellSchools.kindColumn')}</th>
          <th scope="col">{t('tellSchools.byColumn')}</th>
          <th scope="col">{t('tellSchools.schoolsColumn')}</th>
          <th scope="col">{t('tellSchools.countsColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((n) => (
          <tr key={n.id}>
            <td data-label={t('tellSchools.kindColumn')}>
              {t(`tellSchools.kind.${n.kind}`)} <span className="muted small">{dateTime(n.createdAt)}</span>
            </td>
            <td data-label={t('tellSchools.byColumn')}>
              {n.createdBy
                ? n.createdBy.name
                : n.ruleBuiltIn
                  ? t('alertRules.builtInName')
                  : (n.ruleName ?? t('tellSchools.byRule'))}
            </td>
            <td data-label={t('tellSchools.schoolsColumn')}>{number(n.schools)}</td>
            <td data-label={t('tellSchools.countsColumn')}>
              {Object.entries(n.counts)
                .map(([state, count]) => `${t(`tellSchools.state.${state}`, { defaultValue: state })}: ${number(count)}`)
                .join(' · ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
