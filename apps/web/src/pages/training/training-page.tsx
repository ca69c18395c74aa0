import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getSchoolPlan, listTrainingModules, listTrainingSessions } from '@safeschools/contract';
import { defaultTrainingModules } from '@safeschools/domain';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useOutboxSent } from '../../offline/use-outbox';
import type { PlanPerson } from '../plans/types';
import { ModulesList } from './modules-list';
import { PendingSessions } from './pending-sessions';
import { SessionsList } from './sessions-list';
import { TaskForceStatusList } from './task-force-status';
import { TrainingForm } from './training-form';
import type { TrainingModule } from './types';

const builtInModules: TrainingModule[] = defaultTrainingModules.map((m) => ({ ...m, audiences: [...m.audiences] }));

/** The school's people come from its plan; a school without a plan yet simply has nobody to pick. */
async function planPeople(schoolId: string, signal: AbortSignal): Promise<PlanPerson[]> {
  try {
    return (await api(getSchoolPlan, { params: { id: schoolId }, signal })).content.people;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PLAN_NOT_FOUND') return [];
    throw error;
  }
}

/** Preparedness training at a school: the catalogue, sessions held, trained task forces, and a form to record one. */
export function TrainingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('training.title'));
  const { id = '' } = useParams();
  const { session } = useSession();
  const canWrite = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'safety.write');
  const modules = useApiQuery('training-modules', (signal) => api(listTrainingModules, { signal }));
  const sessions = useApiQuery(`training-sessions:${id}`, (signal) => api(listTrainingSessions, { params: { id }, signal }));
  const people = useApiQuery(`plan-people:${id}`, (signal) => planPeople(id, signal));
  // Offline, the built-in catalogue stands in, so a session held where there is no signal can still be recorded.
  const moduleItems = modules.status === 'success' ? modules.data.items : modules.status === 'error' ? builtInModules : [];
  const peopleItems = people.status === 'success' ? people.data : [];
  // A session recorded offline has reached the server: reload, since it may complete a task force's training.
  useOutboxSent((item) => item.endpointId === 'recordTrainingSession' && item.params.id === id, sessions.reload);
  const personName = (personId: string) => peopleItems.find((p) => p.id === personId)?.name ?? personId;

  return (
    <div className="stack">
      <p>
        <Link to={`/schools/${id}`}>{t('plan.backToSchool')}</Link>
      </p>
      <h1>{t('training.title')}</h1>
      <div aria-live="polite">{sessions.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {sessions.status === 'error' && <ErrorPanel error={sessions.error} onRetry={sessions.reload} />}
      {sessions.status === 'success' && (
        <>
          <section className="card" aria-labelledby="training-forces-title">
            <h2 id="training-forces-title">{t('training.taskForcesTitle')}</h2>
            <TaskForceStatusList forces={sessions.data.taskForces} personName={personName} />
          </section>
          <section aria-labelledby="training-sessions-title">
            <h2 id="training-sessions-title">{t('training.sessionsTitle')}</h2>
            <SessionsList sessions={sessions.data.items} modules={moduleItems} />
          </section>
        </>
      )}
      <PendingSessions schoolId={id} modules={moduleItems} />
      {canWrite && moduleItems.length > 0 && <TrainingForm schoolId={id} modules={moduleItems} people={peopleItems} onRecorded={sessions.reload} />}
      <section className="card" aria-labelledby="training-modules-title">
        <h2 id="training-modules-title">{t('training.modulesTitle')}</h2>
        {modules.status === 'error' && <ErrorPanel error={modules.error} onRetry={modules.reload} />}
        <ModulesList modules={moduleItems} />
      </section>
    </div>
  );
}
