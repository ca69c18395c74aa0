import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/testing-plan.js';
import { completeCorrectiveAction } from './complete-corrective-action.js';
import { buildDrill } from './testing-drill.js';

const drill = buildDrill({
  correctiveActions: [
    { id: 'a1', description: 'Unlock the second gate during school hours', owner: 'p-teacher-1', dueOn: '2025-03-01', status: 'open', planSection: 'evacuationRoutes' },
    { id: 'a2', description: 'Buy a louder hand siren', owner: 'p-clerk', dueOn: '2025-03-15', status: 'open' },
  ],
});

describe('completeCorrectiveAction', () => {
  it('marks the action done and its plan section for update, once', () => {
    const result = completeCorrectiveAction(drill, 'a1', buildPlan(), '2025-02-20');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.drill.correctiveActions[0]).toMatchObject({ status: 'done', completedOn: '2025-02-20' });
    expect(result.plan.sectionsNeedingUpdate).toEqual(['evacuationRoutes']);
    const again = completeCorrectiveAction(drill, 'a1', result.plan, '2025-02-21');
    expect(again.ok && again.plan.sectionsNeedingUpdate).toEqual(['evacuationRoutes']);
  });

  it('leaves the plan alone for an action without a section', () => {
    const plan = buildPlan();
    const result = completeCorrectiveAction(drill, 'a2', plan, '2025-02-20');
    expect(result.ok && result.plan).toBe(plan);
  });

  it('refuses unknown actions and another school’s plan', () => {
    expect(completeCorrectiveAction(drill, 'zz', buildPlan(), '2025-02-20')).toMatchObject({ ok: false, problem: { code: 'DRILL_ACTION_UNKNOWN' } });
    expect(completeCorrectiveAction(drill, 'a1', buildPlan({ schoolId: 'other' }), '2025-02-20')).toMatchObject({ ok: false, problem: { code: 'DRILL_PLAN_OTHER_SCHOOL' } });
  });
});
