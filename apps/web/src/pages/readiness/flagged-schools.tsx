import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { listFlaggedSchools } from '@safeschools/contract';
import { api } from '../../api/client';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useFormatters } from '../../hooks/use-formatters';
import { useSafetyLabels } from '../assessments/use-safety-labels';

/** Schools whose latest self-assessment asks for an engineer, most urgent first. */
export function FlaggedSchools({ area }: { area: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const labels = useSafetyLabels();
  const flagged = useApiQuery(`flagged:${area}`, (signal) => api(listFlaggedSchools, { query: { area: area || undefined, limit: 200 }, signal }));
  return (
    <section className="card stack" aria-labelledby="flagged-title">
      <h2 id="flagged-title">{t('readiness.flaggedTitle')}</h2>
      {flagged.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {flagged.status === 'error' && <ErrorPanel error={flagged.error} onRetry={flagged.reload} />}
      {flagged.status === 'success' && flagged.data.items.length === 0 && <p className="muted">{t('readiness.noneFlagged')}</p>}
      {flagged.status === 'success' && flagged.data.items.length > 0 && (
        <div className="responsive-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('readiness.school')}</th>
                <th scope="col">{t('readiness.priority')}</th>
                <th scope="col">{t('readiness.reasons')}</th>
                <th scope="col">{t('readiness.pillar1')}</th>
                <th scope="col">{t('readiness.inspection')}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.data.items.map((school) => (
                <tr key={school.schoolId}>
                  <th scope="row">
                    <Link to={`/assessments/${school.assessmentId}`}>{school.schoolName}</Link>
                    {school.schoolCode && <span className="muted"> {school.schoolCode}</span>}
                  </th>
                  <td>{labels.priority(school.priority)}</td>
                  <td>
                    <ul>
                      {school.reasons.map((reason) => (
                        <li key={`${reason.code}:${reason.detail}`}>{labels.reason(reason)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{school.pillar1Score === null ? t('report.noScore') : format.number(school.pillar1Score)}</td>
                  <td>{school.inspected ? t('readiness.inspected') : t('readiness.notInspected')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
