import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { schoolName, type School } from './types';

export function SchoolsTable({ schools }: { schools: readonly School[] }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  return (
    <table className="responsive-table">
      <caption className="visually-hidden">{t('schools.tableCaption', { count: schools.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('schools.columns.name')}</th>
          <th scope="col">{t('schools.columns.code')}</th>
          <th scope="col">{t('schools.columns.management')}</th>
          <th scope="col">{t('schools.columns.educationLevel')}</th>
          <th scope="col">{t('schools.columns.enrolment')}</th>
        </tr>
      </thead>
      <tbody>
        {schools.map((school) => (
          <tr key={school.id}>
            <th scope="row">
              <Link to={`/schools/${school.id}`}>{schoolName(school, i18n.language)}</Link>
            </th>
            <td data-label={t('schools.columns.code')}>{school.code ?? '—'}</td>
            <td data-label={t('schools.columns.management')}>{school.management ?? '—'}</td>
            <td data-label={t('schools.columns.educationLevel')}>{school.educationLevel ?? '—'}</td>
            <td data-label={t('schools.columns.enrolment')}>{school.enrolmentTotal === null ? '—' : number(school.enrolmentTotal)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
