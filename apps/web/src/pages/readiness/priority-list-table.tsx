import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import type { PriorityList } from './types';

/** The chosen schools with what to do and what it costs, and what the whole list buys. */
export function PriorityListTable({ list }: { list: PriorityList }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  // Indian readers group rupees in lakhs and crores (₹12,00,000); Japanese readers keep their own grouping.
  const locale = i18n.language === 'ja' ? 'ja' : `${i18n.language}-IN`;
  const rupees = new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
  return (
    <div className="stack" role="status">
      <dl className="details-list">
        <div>
          <dt>{t('readiness.chosenSchools')}</dt>
          <dd>{t('readiness.chosenOf', { chosen: format.number(list.items.length), candidates: format.number(list.candidates) })}</dd>
        </div>
        <div>
          <dt>{t('readiness.totalCost')}</dt>
          <dd>{rupees.format(list.totalCost)}</dd>
        </div>
        <div>
          <dt>{t('readiness.childrenSafer')}</dt>
          <dd>{format.number(Math.round(list.totalBenefit))}</dd>
        </div>
      </dl>
      {list.method === 'greedy' && <p className="muted">{t('readiness.greedy')}</p>}
      {list.candidatesWithoutEnrolment > 0 && (
        <p className="muted">
          {t('readiness.withoutEnrolment', {
            count: list.candidatesWithoutEnrolment,
            value: format.number(list.candidatesWithoutEnrolment),
          })}
        </p>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('readiness.nothingFits')}</p>
      ) : (
        <div className="responsive-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('readiness.school')}</th>
                <th scope="col">{t('readiness.safetyLevel')}</th>
                <th scope="col">{t('readiness.intervention')}</th>
                <th scope="col">{t('readiness.children')}</th>
                <th scope="col">{t('readiness.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.schoolId}>
                  <th scope="row">
                    <Link to={`/schools/${item.schoolId}`}>{item.schoolName}</Link>
                  </th>
                  <td>{item.safetyLevel}</td>
                  <td>{t(`readiness.interventions.${item.intervention}`, { defaultValue: item.intervention })}</td>
                  <td>{item.children === null ? t('enrolment.unknown') : format.number(item.children)}</td>
                  <td>{rupees.format(item.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
