import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { useFormatters } from '../../hooks/use-formatters';
import { formatDay } from '../plans/format-day';
import { figureFilter, type FigureKey, type ReadinessSchool } from './types';
import { useFigureSchools } from './use-figure-schools';

type Detail = 'plan' | 'lastDrill' | 'taskForces' | 'score';

/** What matters for each figure, shown beside the school: the plan for the plan figures, and so on. */
const detailOf: Record<FigureKey, Detail> = {
  approvedPlan: 'plan',
  noPlan: 'plan',
  drilledRecently: 'lastDrill',
  overdueDrill: 'lastDrill',
  taskForcesTrained: 'taskForces',
  flagged: 'score',
};

/** The schools behind one figure, read from the server's list for that figure, a page at a time. */
export function FigureSchools({ figure, area }: { figure: FigureKey; area: string }) {
  const { t } = useTranslation();
  const schools = useFigureSchools(figureFilter[figure], area);
  const detail = detailOf[figure];
  if (schools.error && schools.items.length === 0) return <ErrorPanel error={schools.error} onRetry={schools.reload} />;
  if (!schools.loading && schools.items.length === 0) return <p className="muted">{t('readiness.noSchools')}</p>;
  return (
    <div className="stack">
      {schools.items.length > 0 && (
        <div className="responsive-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('readiness.school')}</th>
                <th scope="col">{t('readiness.code')}</th>
                <th scope="col">{t('areaLevels.district')}</th>
                <th scope="col">{t('areaLevels.block')}</th>
                <th scope="col">{t(`readiness.details.${detail}`)}</th>
              </tr>
            </thead>
            <tbody>
              {schools.items.map((school) => (
                <tr key={school.id}>
                  <th scope="row">
                    <Link to={`/schools/${school.id}`}>{school.name}</Link>
                  </th>
                  <td>{school.code ?? '—'}</td>
                  <td>{school.district ?? '—'}</td>
                  <td>{school.block ?? '—'}</td>
                  <td>
                    <DetailValue detail={detail} school={school} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div aria-live="polite">{schools.loading && <p className="muted">{t('common.loading')}</p>}</div>
      {schools.error !== null && schools.items.length > 0 && <ErrorPanel error={schools.error} onRetry={schools.loadMore} />}
      {schools.hasMore && !schools.loading && (
        <button type="button" className="button secondary" onClick={schools.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}

function DetailValue({ detail, school }: { detail: Detail; school: ReadinessSchool }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  switch (detail) {
    case 'plan':
      return <>{school.planStatus ? t(`plan.statuses.${school.planStatus}`, { defaultValue: school.planStatus }) : t('readiness.noPlanYet')}</>;
    case 'lastDrill':
      return (
        <>
          {school.lastDrillOn ? formatDay(school.lastDrillOn, i18n.language) : t('drills.neverHeld')}
          {school.overdueDrill && <strong> {t('drills.overdue')}</strong>}
        </>
      );
    case 'taskForces':
      return <>{t('readiness.taskForcesTrained', { trained: format.number(school.taskForces.trained), total: format.number(school.taskForces.total) })}</>;
    case 'score':
      return <>{school.overallScore === null ? t('report.noScore') : t('readiness.scoreWithBand', { score: format.number(school.overallScore), band: school.rating ?? '—' })}</>;
  }
}
