import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listSchoolAssessments } from '@safeschools/contract';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormatters } from '../../hooks/use-formatters';

/** On the school profile: the school's self-assessments, newest first, and a way to start one. */
export function SchoolAssessments({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { session } = useSession();
  const permissions = session.status === 'signed-in' ? session.me.permissions : undefined;
  const canRead = hasPermission(permissions, 'safety.read');
  const list = useApiQuery(`school-assessments:${schoolId}:${canRead}`, (signal) =>
    canRead ? api(listSchoolAssessments, { params: { id: schoolId }, query: { limit: 20 }, signal }) : Promise.resolve(null),
  );
  if (!canRead) return null;
  const items = list.status === 'success' && list.data ? list.data.items : [];
  return (
    <section className="card stack" aria-labelledby="school-assessments-title">
      <h2 id="school-assessments-title">{t('assessment.listTitle')}</h2>
      {list.status === 'success' && items.length === 0 && <p className="muted">{t('assessment.listEmpty')}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/assessments/${a.id}`}>
                {a.status === 'submitted' && a.submittedAt
                  ? t('assessment.listSubmitted', { date: format.dateTime(a.submittedAt), band: a.report?.overall.band ?? '–' })
                  : t('assessment.listDraft', { date: format.dateTime(a.updatedAt) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {hasPermission(permissions, 'safety.write') && (
        <p>
          <Link className="button" to={`/schools/${schoolId}/assessment/new`}>
            {t('assessment.start')}
          </Link>
        </p>
      )}
    </section>
  );
}
