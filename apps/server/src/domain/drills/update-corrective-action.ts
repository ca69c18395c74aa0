import {
  completeCorrectiveAction,
  formatIsoDate,
  isIsoDate,
  problem,
  validateDrillRecord,
  type CorrectiveAction,
  type DrillRecord,
  type SchoolDisasterManagementPlan,
} from '@safeschools/domain';
import { findVisibleDrill, updateDrill, type DrillRow } from '../../db/drills/drills.repository.js';
import { findVisiblePlanOfSchool, setSectionsNeedingUpdate } from '../../db/plans/plans.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { emptyPlanContent } from '../plans/new-plan-content.js';
import { planOfRow } from '../plans/plan-of-row.js';
import { drillOfRow, openActionsOf } from './drill-of-row.js';

export interface UpdateCorrectiveActionInput {
  status: CorrectiveAction['status'];
  completedOn?: string;
  version: number;
}

function invalid(code: string, path: string, message: string): AppError {
  return new AppError('DRILL_INVALID', message, [problem(code, path, message)]);
}

/** A school without a plan yet still completes its actions; there is just no section to mark. */
function standInPlan(drill: DrillRecord): SchoolDisasterManagementPlan {
  const profile = { schoolId: drill.schoolId, name: '', address: '', students: { girls: null, boys: null, other: null }, childrenWithSpecialNeeds: null, teachers: null, nonTeachingStaff: 0, buildings: 0, buses: [] };
  return { id: '', schoolId: drill.schoolId, version: 0, status: 'draft', content: emptyPlanContent(profile), sectionsNeedingUpdate: [], history: [] };
}

/**
 * Moves a drill's corrective action on. Completing it (domain `completeCorrectiveAction`) marks the plan section
 * it changes, so the lesson of the drill reaches the plan at its next revision. A completed action stays completed.
 */
export async function updateCorrectiveAction(ctx: Ctx, drillId: string, actionId: string, input: UpdateCorrectiveActionInput): Promise<DrillRow> {
  const actor = requirePermission(ctx, 'safety.write');
  const row = await findVisibleDrill(ctx.tx, actor.scope, drillId);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', `This drill was changed meanwhile (version ${row.version}).`);
  const drill = drillOfRow(row);
  const action = drill.correctiveActions.find((a) => a.id === actionId);
  if (!action) throw new AppError('NOT_FOUND', 'No such corrective action in this drill.');
  if (input.completedOn !== undefined && !isIsoDate(input.completedOn)) throw invalid('DRILL_ACTION_INVALID', 'completedOn', 'Give the completion date as YYYY-MM-DD');
  if (action.status === 'done' && input.status !== 'done') throw invalid('DRILL_ACTION_DONE', actionId, 'A completed action stays completed');

  let updated: DrillRecord = drill;
  if (input.status === 'done') {
    const planRow = await findVisiblePlanOfSchool(ctx.tx, actor.scope, drill.schoolId);
    const plan = planRow ? planOfRow(planRow) : standInPlan(drill);
    const result = completeCorrectiveAction(drill, actionId, plan, input.completedOn ?? formatIsoDate(ctx.now));
    if (!result.ok) throw new AppError('DRILL_INVALID', result.problem.message, [result.problem]);
    updated = result.drill;
    if (planRow && result.plan.sectionsNeedingUpdate.length !== plan.sectionsNeedingUpdate.length) {
      await setSectionsNeedingUpdate(ctx.tx, planRow.id, result.plan.sectionsNeedingUpdate);
      await audit(ctx, { action: 'plan.mark_sections', entity: 'plan', entityId: planRow.id, details: { drillId, actionId, section: action.planSection } });
    }
  } else {
    updated = { ...drill, correctiveActions: drill.correctiveActions.map((a) => (a.id === actionId ? { ...a, status: input.status } : a)) };
  }
  const problems = validateDrillRecord(updated);
  if (problems.length) throw new AppError('DRILL_INVALID', `${problems.length} problem(s) in the drill record.`, problems);
  const saved = await updateDrill(ctx.tx, row.id, row.version, { record: updated as unknown as Record<string, unknown>, openActions: openActionsOf(updated) });
  if (!saved) throw new AppError('VERSION_CONFLICT', 'This drill was changed meanwhile.');
  await audit(ctx, {
    action: 'drill.corrective_action.update',
    entity: 'drill',
    entityId: row.id,
    beforeVersion: row.version,
    afterVersion: saved.version,
    details: { actionId, from: action.status, to: input.status },
  });
  return saved;
}
