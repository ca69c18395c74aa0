import type { Role } from '../../access/roles.js';
import { addMonths, type IsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import { checkPlan } from './check-plan.js';
import type { PlanHistoryEntry, PlanStatus, SchoolDisasterManagementPlan } from './plan-types.js';

export type PlanAction =
  | { readonly type: 'submit' }
  | { readonly type: 'approve' }
  | { readonly type: 'return'; readonly comments: string }
  /** Back to draft after a return, to fix what the officer asked. */
  | { readonly type: 'reopen' }
  /** Start a new version of an approved plan (yearly review, corrective action). */
  | { readonly type: 'revise' };

export interface PlanActor {
  readonly userId: string;
  readonly role: Role;
}

/** NDMA 2016 asks for the plan to be reviewed and updated every year. */
export const planReviewIntervalMonths = 12;

const transitions: Readonly<Record<PlanAction['type'], { from: PlanStatus; to: PlanStatus; roles: readonly Role[] }>> = {
  submit: { from: 'draft', to: 'submitted', roles: ['school_focal_point'] },
  approve: { from: 'submitted', to: 'approved', roles: ['district_officer', 'programme_manager'] },
  return: { from: 'submitted', to: 'returned', roles: ['district_officer', 'programme_manager'] },
  reopen: { from: 'returned', to: 'draft', roles: ['school_focal_point'] },
  revise: { from: 'approved', to: 'draft', roles: ['school_focal_point'] },
};

export type PlanTransitionResult =
  | { readonly ok: true; readonly plan: SchoolDisasterManagementPlan }
  | { readonly ok: false; readonly problems: readonly SafetyProblem[] };

/**
 * The approval chain, like UDISE+: draft → submitted → approved | returned (with comments) → draft. The caller
 * has already checked that the actor's scope covers the school; this checks role, state and the plan's rules.
 */
export function transitionPlan(
  plan: SchoolDisasterManagementPlan,
  action: PlanAction,
  actor: PlanActor,
  today: IsoDate,
): PlanTransitionResult {
  const rule = transitions[action.type];
  const fail = (code: string, message: string): PlanTransitionResult => ({ ok: false, problems: [problem(code, action.type, message)] });
  if (plan.status !== rule.from) return fail('PLAN_TRANSITION_INVALID', `Cannot ${action.type} a plan that is ${plan.status}`);
  if (!rule.roles.includes(actor.role)) return fail('PLAN_TRANSITION_FORBIDDEN', `A ${actor.role} cannot ${action.type} a plan`);
  if ((action.type === 'approve' || action.type === 'return') && plan.submittedBy === actor.userId)
    return fail('PLAN_SELF_APPROVAL', 'Nobody may approve or return a plan they submitted');
  if (action.type === 'return' && !action.comments.trim())
    return fail('PLAN_RETURN_COMMENTS_MISSING', 'Say what must change when returning a plan');
  if (action.type === 'submit') {
    const problems = checkPlan(plan.content);
    if (problems.length > 0) return { ok: false, problems };
  }

  const entry: PlanHistoryEntry = {
    action: action.type,
    by: actor.userId,
    on: today,
    from: plan.status,
    to: rule.to,
    ...(action.type === 'return' ? { comments: action.comments } : {}),
  };
  const next: SchoolDisasterManagementPlan = { ...plan, status: rule.to, history: [...plan.history, entry] };
  switch (action.type) {
    case 'submit':
      return { ok: true, plan: { ...next, submittedBy: actor.userId } };
    case 'approve':
      return {
        ok: true,
        plan: { ...next, lastApprovedOn: today, reviewDueOn: addMonths(today, planReviewIntervalMonths), sectionsNeedingUpdate: [], returnComments: undefined },
      };
    case 'return':
      return { ok: true, plan: { ...next, returnComments: action.comments } };
    case 'reopen':
      return { ok: true, plan: next };
    case 'revise':
      return { ok: true, plan: { ...next, version: plan.version + 1, submittedBy: undefined } };
  }
}

/**
 * A plan is overdue for review once its review date has passed without a new approval. A plan never approved has
 * no review date; it shows up among plans without approval instead.
 */
export function isReviewOverdue(plan: SchoolDisasterManagementPlan, today: IsoDate): boolean {
  return plan.reviewDueOn !== undefined && today > plan.reviewDueOn;
}
