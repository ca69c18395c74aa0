import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getSchool } from '@safeschools/contract';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { schoolName } from '../schools/types';

/** A link back to the school's profile, named once the school is loaded (the id alone while it is not). */
export function SchoolLink({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const school = useApiQuery(`school:${schoolId}`, (signal) => api(getSchool, { params: { id: schoolId }, signal }));
  const name = school.status === 'success' ? schoolName(school.data, i18n.language) : t('assessment.theSchool');
  return (
    <p>
      <Link to={`/schools/${schoolId}`}>{t('assessment.backToSchool', { name })}</Link>
    </p>
  );
}
