import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../hooks/use-formatters';
import type { SchoolCheckIn } from './check-in-style';

/** The schools' answers, strongest band first; counts nobody gave read "not given", never 0. */
export function CheckInAnswersTable({ schools }: { schools: readonly SchoolCheckIn[] }) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const count = (value: number | null) => (value === null ? t('checkIns.notGiven') : number(value));
  const columns = {
    status: t('checkIns.columns.status'),
    studentsPresent: t('checkIns.columns.studentsPresent'),
    staffPresent: t('checkIns.columns.staffPresent'),
    injured: t('checkIns.columns.injured'),
    missing: t('checkIns.columns.missing'),
    schoolState: t('checkIns.columns.schoolState'),
    note: t('checkIns.columns.note'),
    answeredAt: t('checkIns.columns.answeredAt'),
  };
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('checkIns.caption', { count: schools.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('checkIns.columns.school')}</th>
          {Object.values(columns).map((label) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {schools.map(({ schoolId, name, answer }) =>
          answer ? (
            <tr key={schoolId}>
              <th scope="row">
                <Link to={`/schools/${schoolId}`}>{name}</Link>
              </th>
              <td data-label={columns.status}>{t(`checkIns.status.${answer.status}`)}</td>
              <td data-label={columns.studentsPresent}>{count(answer.studentsPresent)}</td>
              <td data-label={columns.staffPresent}>{count(answer.staffPresent)}</td>
              <td data-label={columns.injured}>{count(answer.injured)}</td>
              <td data-label={columns.missing}>{count(answer.missing)}</td>
              <td data-label={columns.schoolState}>{answer.schoolState ? t(`checkIns.schoolState.${answer.schoolState}`) : t('checkIns.notGiven')}</td>
              <td data-label={columns.note}>{answer.note || '—'}</td>
              <td data-label={columns.answeredAt}>{t('checkIns.answeredVia', { time: dateTime(answer.answeredAt), via: t(`checkIns.via.${answer.via}`) })}</td>
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}
