import { uuidv7 } from 'uuidv7';
import { drillDate, evaluateDrill, validateDrillRecord, type CorrectiveAction, type DrillRecord } from '@safeschools/domain';
import { insertDrill, type DrillRow } from '../../db/drills/drills.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { requireVisibleSchool } from '../plans/visible-school.js';
import { drillTargetsFor, openActionsOf } from './drill-of-row.js';

export type RecordDrillInput = Omit<DrillRecord, 'id' | 'schoolId' | 'correctiveActions'> & {
  id?: string;
  correctiveActions: (Omit<CorrectiveAction, 'id'> & { id?: string })[];
};

// Integer columns hold the times for sorting and trends; the record keeps what was typed.
const seconds = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value));

/** Records a drill at a school, evaluated against its country's targets. */
export async function recordDrill(ctx: Ctx, schoolId: string, input: RecordDrillInput): Promise<DrillRow> {
  const actor = requirePermission(ctx, 'safety.write');
  const school = await requireVisibleSchool(ctx, actor.scope, schoolId);
  const record: DrillRecord = {
    ...input,
    id: input.id ?? uuidv7(),
    schoolId,
    correctiveActions: input.correctiveActions.map((a) => ({ ...a, id: a.id ?? uuidv7() })),
  };
  const problems = validateDrillRecord(record);
  if (problems.length) throw new AppError('DRILL_INVALID', `${problems.length} problem(s) in the drill record.`, problems);
  const targets = drillTargetsFor(school.countryCode);
  const evaluation = evaluateDrill(record, targets);
  const row = await insertDrill(ctx.tx, {
    id: record.id,
    schoolId,
    areaPath: school.areaPath,
    hazard: record.hazard,
    heldOn: drillDate(record),
    startedAt: new Date(record.startedAt),
    classroomsOutSeconds: seconds(record.times.classroomsOutSeconds),
    assemblyPointSeconds: seconds(record.times.assemblyPointSeconds),
    headcountSeconds: seconds(record.times.headcountCompleteSeconds),
    metTargets: evaluation.passed,
    evaluation: { ...evaluation, targetsSource: targets.source },
    openActions: openActionsOf(record),
    record: record as unknown as Record<string, unknown>,
  });
  if (!row) throw new AppError('VERSION_CONFLICT', 'A drill with this id was already recorded.');
  await audit(ctx, { action: 'drill.record', entity: 'drill', entityId: row.id, afterVersion: row.version, details: { schoolId, hazard: record.hazard, passed: evaluation.passed } });
  return row;
}
