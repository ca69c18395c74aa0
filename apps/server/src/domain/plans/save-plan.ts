import { uuidv7 } from 'uuidv7';
import { checkPlan, type PlanContent } from '@safeschools/domain';
import { findVisiblePlanOfSchool, insertPlan, updatePlan, type PlanRow } from '../../db/plans/plans.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { emptyPlanContent, mergePlanContent, profileFromRegistry, type PlanContentDraft } from './new-plan-content.js';
import { requireVisibleSchool } from './visible-school.js';

export interface SavePlanInput {
  id?: string;
  version?: number;
  content: PlanContentDraft;
}

/**
 * Problems that keep a draft from being stored at all: they would put a child's identity in the database.
 * Everything else (empty sections, task force rules) may wait in a draft and is checked on submission.
 */
const neverStored = new Set(['PLAN_STUDENT_IDENTIFIED', 'PLAN_PERSON_ROLE_INVALID']);

function refuseIdentifyingData(content: PlanContent): void {
  const problems = checkPlan(content).filter((p) => neverStored.has(p.code));
  if (problems.length) throw new AppError('PLAN_INVALID', 'Students are recorded as counts, never by name.', problems);
}

/** Creates the school's plan (profile from the registry) or changes its draft or returned content. */
export async function saveSchoolPlan(ctx: Ctx, schoolId: string, input: SavePlanInput): Promise<PlanRow> {
  const actor = requirePermission(ctx, 'safety.write');
  const school = await requireVisibleSchool(ctx, actor.scope, schoolId);
  const existing = await findVisiblePlanOfSchool(ctx.tx, actor.scope, schoolId);
  if (!existing) {
    const content = mergePlanContent(emptyPlanContent(profileFromRegistry(school)), input.content);
    refuseIdentifyingData(content);
    const created = await insertPlan(ctx.tx, {
      id: input.id ?? uuidv7(),
      schoolId,
      areaPath: school.areaPath,
      status: 'draft',
      content: content as unknown as Record<string, unknown>,
    });
    if (!created) throw new AppError('VERSION_CONFLICT', 'A plan for this school was made meanwhile; load it and try again.');
    await audit(ctx, { action: 'plan.create', entity: 'plan', entityId: created.id, afterVersion: created.version, details: { schoolId } });
    return created;
  }
  if (input.version !== existing.version) throw new AppError('VERSION_CONFLICT', `This plan was changed meanwhile (version ${existing.version}).`);
  if (existing.status !== 'draft' && existing.status !== 'returned')
    throw new AppError('PLAN_NOT_EDITABLE', `The plan is ${existing.status}; reopen or revise it before changing it.`);
  const content = mergePlanContent(existing.content as unknown as PlanContent, input.content);
  refuseIdentifyingData(content);
  const updated = await updatePlan(ctx.tx, existing.id, existing.version, { content: content as unknown as Record<string, unknown> });
  if (!updated) throw new AppError('VERSION_CONFLICT', 'This plan was changed meanwhile.');
  await audit(ctx, {
    action: 'plan.update',
    entity: 'plan',
    entityId: existing.id,
    beforeVersion: existing.version,
    afterVersion: updated.version,
    details: { sections: Object.keys(input.content) },
  });
  return updated;
}
