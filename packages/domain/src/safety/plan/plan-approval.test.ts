import { describe, expect, it } from 'vitest';
import { isReviewOverdue, transitionPlan, type PlanActor } from './plan-approval.js';
import type { SchoolDisasterManagementPlan } from './plan-types.js';
import { buildPlan, buildPlanContent } from './testing-plan.js';

const teacher: PlanActor = { userId: 'u-teacher', role: 'school_focal_point' };
const officer: PlanActor = { userId: 'u-officer', role: 'district_officer' };

function must(result: ReturnType<typeof transitionPlan>): SchoolDisasterManagementPlan {
  if (!result.ok) throw new Error(result.problems.map((p) => p.code).join());
  return result.plan;
}

describe('transitionPlan', () => {
  it('runs draft → submitted → returned → draft → submitted → approved', () => {
    const submitted = must(transitionPlan(buildPlan(), { type: 'submit' }, teacher, '2025-01-10'));
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'u-teacher' });
    const returned = must(transitionPlan(submitted, { type: 'return', comments: 'Add the second bus' }, officer, '2025-01-12'));
    expect(returned).toMatchObject({ status: 'returned', returnComments: 'Add the second bus' });
    const draft = must(transitionPlan(returned, { type: 'reopen' }, teacher, '2025-01-13'));
    const again = must(transitionPlan(draft, { type: 'submit' }, teacher, '2025-01-14'));
    const approved = must(transitionPlan(again, { type: 'approve' }, officer, '2025-01-20'));
    expect(approved).toMatchObject({ status: 'approved', lastApprovedOn: '2025-01-20', reviewDueOn: '2026-01-20' });
    expect(approved.history.map((h) => h.action)).toEqual(['submit', 'return', 'reopen', 'submit', 'approve']);
  });

  it('lets only the right roles act', () => {
    const refused = transitionPlan(buildPlan(), { type: 'submit' }, officer, '2025-01-10');
    expect(refused).toMatchObject({ ok: false, problems: [{ code: 'PLAN_TRANSITION_FORBIDDEN' }] });
    const submitted = must(transitionPlan(buildPlan(), { type: 'submit' }, teacher, '2025-01-10'));
    expect(transitionPlan(submitted, { type: 'approve' }, teacher, '2025-01-11')).toMatchObject({ ok: false, problems: [{ code: 'PLAN_TRANSITION_FORBIDDEN' }] });
  });

  it('forbids approving a plan one submitted oneself', () => {
    const bySelf = buildPlan({ status: 'submitted', submittedBy: 'u-officer' });
    expect(transitionPlan(bySelf, { type: 'approve' }, officer, '2025-01-11')).toMatchObject({ ok: false, problems: [{ code: 'PLAN_SELF_APPROVAL' }] });
  });

  it('refuses impossible transitions, returns without comments and incomplete plans', () => {
    expect(transitionPlan(buildPlan(), { type: 'approve' }, officer, '2025-01-10')).toMatchObject({ ok: false, problems: [{ code: 'PLAN_TRANSITION_INVALID' }] });
    const submitted = buildPlan({ status: 'submitted', submittedBy: 'u-teacher' });
    expect(transitionPlan(submitted, { type: 'return', comments: '  ' }, officer, '2025-01-10')).toMatchObject({ ok: false, problems: [{ code: 'PLAN_RETURN_COMMENTS_MISSING' }] });
    const empty = buildPlan({ content: buildPlanContent({ emergencyContacts: [] }) });
    expect(transitionPlan(empty, { type: 'submit' }, teacher, '2025-01-10')).toMatchObject({ ok: false, problems: [{ code: 'PLAN_SECTION_EMPTY', path: 'emergencyContacts' }] });
  });

  it('raises the version when an approved plan is revised, keeping the review date', () => {
    const approved = buildPlan({ status: 'approved', lastApprovedOn: '2025-01-20', reviewDueOn: '2026-01-20' });
    const revised = must(transitionPlan(approved, { type: 'revise' }, teacher, '2025-06-01'));
    expect(revised).toMatchObject({ status: 'draft', version: 2, reviewDueOn: '2026-01-20' });
  });
});

describe('isReviewOverdue', () => {
  it('is overdue only after the review date', () => {
    const approved = buildPlan({ status: 'approved', lastApprovedOn: '2025-01-20', reviewDueOn: '2026-01-20' });
    expect(isReviewOverdue(approved, '2026-01-20')).toBe(false);
    expect(isReviewOverdue(approved, '2026-01-21')).toBe(true);
    expect(isReviewOverdue(buildPlan(), '2030-01-01')).toBe(false);
  });
});
