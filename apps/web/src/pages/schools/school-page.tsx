import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getSchool } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFormatters } from '../../hooks/use-formatters';
import { SchoolSafetyLinks } from '../plans/school-safety-links';
import { SchoolAssessments } from '../assessments/school-assessments';
import { schoolName, type School } from './types';

// MapLibre is large: load it after the profile, as the home page does.
const SchoolPointMap = lazy(() => import('./school-point-map').then((module) => ({ default: module.SchoolPointMap })));

/** A school that does not exist, is outside one's scope (both 404) or whose id is malformed (400). */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));
}

export function SchoolPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const school = useApiQuery(`school:${id}`, (signal) => api(getSchool, { params: { id }, signal }));
  useDocumentTitle(school.status === 'success' ? schoolName(school.data, i18n.language) : t('school.title'));

  return (
    <div className="stack">
      <p>
        <Link to="/schools">{t('school.back')}</Link>
      </p>
      <div aria-live="polite">{school.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {school.status === 'error' &&
        (isNotFound(school.error) ? (
          <section className="card narrow">
            <h1>{t('school.notFoundTitle')}</h1>
            <p>{t('school.notFoundBody')}</p>
          </section>
        ) : (
          <ErrorPanel error={school.error} onRetry={school.reload} />
        ))}
      {school.status === 'success' && <SchoolProfile school={school.data} />}
    </div>
  );
}

function SchoolProfile({ school }: { school: School }) {
  const { t, i18n } = useTranslation();
  const { number, decimal } = useFormatters();
  const notRecorded = t('school.notRecorded');
  const count = (value: number | null | undefined) => (value === null || value === undefined ? notRecorded : number(value));
  const text = (value: string | null | undefined) => value || notRecorded;
  const name = schoolName(school, i18n.language);
  const point = school.lat !== null && school.lon !== null ? { lat: school.lat, lon: school.lon } : null;

  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'code', label: t('school.code'), value: text(school.code) },
    {
      key: 'location',
      label: t('school.location'),
      value: point ? t('school.coordinates', { lat: decimal(point.lat), lon: decimal(point.lon) }) : notRecorded,
    },
    { key: 'management', label: t('school.management'), value: text(school.management) },
    { key: 'level', label: t('school.educationLevel'), value: text(school.educationLevel) },
    { key: 'girls', label: t('school.enrolmentGirls'), value: count(school.enrolmentGirls) },
    { key: 'boys', label: t('school.enrolmentBoys'), value: count(school.enrolmentBoys) },
    { key: 'total', label: t('school.enrolmentTotal'), value: count(school.enrolmentTotal) },
    { key: 'teachersFemale', label: t('school.teachersFemale'), value: count(school.teachersFemale) },
    { key: 'teachersMale', label: t('school.teachersMale'), value: count(school.teachersMale) },
    { key: 'classrooms', label: t('school.classrooms'), value: count(school.classrooms) },
    { key: 'typology', label: t('school.typology'), value: text(school.typology) },
  ];

  return (
    <>
      <h1>{name}</h1>
      {name !== school.name && <p className="muted">{school.name}</p>}
      <section className="card" aria-labelledby="school-details-title">
        <h2 id="school-details-title">{t('school.details')}</h2>
        <dl className="details-list">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <SchoolAssessments schoolId={school.id} />
      <SchoolSafetyLinks schoolId={school.id} />
      {point && (
        <section aria-labelledby="school-map-title">
          <h2 id="school-map-title">{t('school.map')}</h2>
          <Suspense fallback={<p className="muted">{t('map.loading')}</p>}>
            <SchoolPointMap lon={point.lon} lat={point.lat} name={name} />
          </Suspense>
        </section>
      )}
    </>
  );
}
