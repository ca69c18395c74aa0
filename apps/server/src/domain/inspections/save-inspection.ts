import { assessInspection, validateInspection, type InspectionRecord } from '@safeschools/domain';
import { findInspection, insertInspection, updateInspection, type InspectionRow } from '../../db/safety/inspections.repository.js';
import { findVisibleSchool } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';

export interface InspectionInput extends Omit<InspectionRecord, 'id' | 'schoolId'> {
  schoolId: string;
  version?: number | undefined;
}

/**
 * Records an engineer's inspection under a client-made id and derives its safety level, intervention and cost
 * class with the domain rules. District staff record inspections (they commission the engineers).
 */
export async function saveInspection(ctx: Ctx & { trail?: AuditTrail }, id: string, input: InspectionInput): Promise<InspectionRow> {
  const actor = requirePermission(ctx, 'safety.approve');
  const school = await findVisibleSchool(ctx.tx, actor.scope, input.schoolId);
  if (!school) throw new AppError('NOT_FOUND', 'No such school in your area.');
  const existing = await findInspection(ctx.tx, id);
  if (existing && existing.schoolId !== school.id) throw new AppError('NOT_FOUND', 'No such inspection for this school.');
  if (existing && input.version !== existing.version) throw new AppError('VERSION_CONFLICT', `The inspection is at version ${existing.version}; reload it before saving.`);
  const { version: _, ...rest } = input;
  const record: InspectionRecord = { ...rest, id, schoolId: school.id };
  const problems = validateInspection(record);
  if (problems.length > 0) {
    throw new AppError('INSPECTION_INVALID', `${problems.length} problem(s) in the inspection.`, problems.map((p) => ({ path: p.path, message: p.message, code: p.code })));
  }
  const a = assessInspection(record);
  const fields = {
    schoolId: school.id,
    areaPath: school.areaPath,
    inspectedOn: record.inspectedOn,
    record: record as unknown as Record<string, unknown>,
    safetyLevel: a.safetyLevel,
    intervention: a.intervention,
    costClass: a.costClass,
    costMinInr: Math.round(a.indicativeCost.min),
    costMaxInr: Math.round(a.indicativeCost.max),
  };
  const saved = existing
    ? await updateInspection(ctx.tx, id, existing.version, fields)
    : await insertInspection(ctx.tx, { id, ...fields, createdBy: actor.via === 'system' ? null : actor.userId });
  if (!saved) throw new AppError('VERSION_CONFLICT', 'The inspection changed while saving; reload it.');
  await audit(ctx, {
    action: existing ? 'inspection.update' : 'inspection.create',
    entity: 'inspection',
    entityId: id,
    beforeVersion: existing?.version ?? null,
    afterVersion: saved.version,
    details: { schoolId: school.id, safetyLevel: a.safetyLevel, intervention: a.intervention },
  });
  return saved;
}
