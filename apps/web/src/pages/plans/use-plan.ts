import { useCallback, useEffect, useState } from 'react';
import { ApiError, getSchoolPlan, saveSchoolPlan, transitionSchoolPlan } from '@safeschools/contract';
import { api } from '../../api/client';
import { uuidv7 } from '../../lib/uuid-v7';
import type { Plan, PlanContent, PlanProblem } from './types';

export type PlanAction = 'submit' | 'approve' | 'return' | 'reopen' | 'revise';

type LoadState = { status: 'loading' } | { status: 'none' } | { status: 'error'; error: unknown } | { status: 'ready'; plan: Plan };

/** Problems the server listed with a refusal (PLAN_INCOMPLETE, PLAN_INVALID), in the plan checks' shape. */
export function problemsOf(error: unknown): PlanProblem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((e) => ({ code: e.code ?? '', path: e.path, message: e.message }));
}

/**
 * What a save sends: every section, and of the profile only what the focal point completes. The school's name,
 * code and address stay the registry's, so they are left to the server.
 */
function sectionsOf(content: PlanContent) {
  const { profile, ...sections } = content;
  const { students, childrenWithSpecialNeeds, teachers, nonTeachingStaff, buildings, buses } = profile;
  return { ...sections, profile: { students, childrenWithSpecialNeeds, teachers, nonTeachingStaff, buildings, buses } };
}

/** Loads a school's plan and keeps an editable draft of its content beside the stored plan. */
export function usePlan(schoolId: string) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [draft, setDraft] = useState<PlanContent | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback((plan: Plan) => {
    setState({ status: 'ready', plan });
    setDraft(plan.content);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api(getSchoolPlan, { params: { id: schoolId }, signal: controller.signal }).then(accept, (e: unknown) => {
      if (controller.signal.aborted) return;
      if (e instanceof ApiError && e.code === 'PLAN_NOT_FOUND') setState({ status: 'none' });
      else setState({ status: 'error', error: e });
    });
    return () => controller.abort();
  }, [schoolId, attempt, accept]);

  const run = useCallback(
    async (call: () => Promise<Plan>) => {
      setBusy(true);
      setError(null);
      try {
        accept(await call());
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [accept],
  );

  const plan = state.status === 'ready' ? state.plan : null;
  const start = () => run(() => api(saveSchoolPlan, { params: { id: schoolId }, body: { id: uuidv7(), content: {} } }));
  const save = () =>
    plan && draft ? run(() => api(saveSchoolPlan, { params: { id: schoolId }, body: { version: plan.version, content: sectionsOf(draft) } })) : Promise.resolve(false);
  const transition = (action: PlanAction, comments?: string) =>
    plan
      ? run(() => api(transitionSchoolPlan, { params: { id: plan.id }, body: { action, version: plan.version, ...(comments ? { comments } : {}) } }))
      : Promise.resolve(false);
  const dirty = plan !== null && draft !== null && JSON.stringify(draft) !== JSON.stringify(plan.content);

  return { state, draft, setDraft, busy, error, dirty, start, save, transition, reload: () => setAttempt((n) => n + 1) };
}
