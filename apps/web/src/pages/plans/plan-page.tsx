import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, getSchool } from '@safeschools/contract';
import { checkPlan } from '@safeschools/domain';
import { api } from '../../api/client';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';
import { ErrorPanel } from '../../components/error-panel';
import { useApiQuery } from '../../hooks/use-api-query';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { schoolName } from '../schools/types';
import { PlanActions } from './plan-actions';
import { PlanHeader } from './plan-header';
import { PlanHistory } from './plan-history';
import { PlanProblems } from './plan-problems';
import { PlanSections } from './plan-sections';
import type { PlanProblem } from './types';
import { problemsOf, usePlan, type PlanAction } from './use-plan';

/** The school's disaster management plan: edited by its focal point, approved or returned by an officer. */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { session } = useSession();
  const permissions = session.status === 'signed-in' ? session.me.permissions : undefined;
  const canWrite = hasPermission(permissions, 'safety.write');
  const canApprove = hasPermission(permissions, 'safety.approve');
  const school = useApiQuery(`school:${id}`, (signal) => api(getSchool, { params: { id }, signal }));
  const editor = usePlan(id);
  const [checked, setChecked] = useState<PlanProblem[] | null>(null);
  const name = school.status === 'success' ? schoolName(school.data, i18n.language) : '';
  useDocumentTitle(name ? t('plan.titleFor', { name }) : t('plan.title'));
  const point: [number, number] | null = school.status === 'success' && school.data.lon !== null && school.data.lat !== null ? [school.data.lon, school.data.lat] : null;

  const transition = (action: PlanAction, comments?: string) => {
    setChecked(null);
    void editor.transition(action, comments);
  };
  // The local check runs the same rules the server applies on submit, so problems show before sending anything.
  const check = () => {
    if (editor.draft) setChecked(checkPlan(editor.draft));
  };
  const serverProblems = problemsOf(editor.error);
  const conflict = editor.error instanceof ApiError && editor.error.code === 'VERSION_CONFLICT';

  return (
    <div className="stack">
      <p>
        <Link to={`/schools/${id}`}>{t('plan.backToSchool')}</Link>
      </p>
      <h1>{name ? t('plan.titleFor', { name }) : t('plan.title')}</h1>
      <div aria-live="polite">{editor.state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}</div>
      {editor.state.status === 'error' && <ErrorPanel error={editor.state.error} onRetry={editor.reload} />}
      {editor.state.status === 'none' && (
        <section className="card">
          <p>{t('plan.none')}</p>
          {canWrite && (
            <button type="button" className="button" disabled={editor.busy} onClick={() => void editor.start()}>
              {t('plan.start')}
            </button>
          )}
          {editor.error !== null && <ErrorPanel error={editor.error} />}
        </section>
      )}
      {editor.state.status === 'ready' && editor.draft && (
        <>
          <PlanHeader plan={editor.state.plan} />
          <PlanActions
            plan={editor.state.plan}
            canWrite={canWrite}
            canApprove={canApprove}
            busy={editor.busy}
            dirty={editor.dirty}
            onSave={() => void editor.save()}
            onCheck={check}
            onTransition={transition}
          />
          <div aria-live="polite">
            {conflict && (
              <div className="alert" role="alert">
                <p>{t('plan.conflict')}</p>
                <button type="button" className="button secondary" onClick={editor.reload}>
                  {t('plan.reload')}
                </button>
              </div>
            )}
            {editor.error !== null && !conflict && <ErrorPanel error={editor.error} />}
            {serverProblems.length > 0 && <PlanProblems problems={serverProblems} title={t('plan.serverProblems')} />}
            {checked !== null &&
              (checked.length > 0 ? <PlanProblems problems={checked} title={t('plan.checkProblems', { count: checked.length })} /> : <p className="warning">{t('plan.checkPassed')}</p>)}
          </div>
          <PlanHistory history={editor.state.plan.history} />
          <PlanSections
            content={editor.draft}
            onChange={editor.setDraft}
            needingUpdate={editor.state.plan.sectionsNeedingUpdate}
            schoolPoint={point}
            disabled={!canWrite || !['draft', 'returned'].includes(editor.state.plan.status) || editor.busy}
          />
        </>
      )}
    </div>
  );
}
