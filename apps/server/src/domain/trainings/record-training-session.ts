import { uuidv7 } from 'uuidv7';
import { defaultTrainingModules, validateTrainingSession, type TrainingSession } from '@safeschools/domain';
import { insertTrainingSession, type TrainingSessionRow } from '../../db/trainings/training-sessions.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { requireVisibleSchool } from '../plans/visible-school.js';

export type RecordTrainingSessionInput = Omit<TrainingSession, 'id' | 'schoolId'> & { id?: string };

/** Records a training session held at a school; adults by plan person id, children as counts only. */
export async function recordTrainingSession(ctx: Ctx, schoolId: string, input: RecordTrainingSessionInput): Promise<TrainingSessionRow> {
  const actor = requirePermission(ctx, 'safety.write');
  const school = await requireVisibleSchool(ctx, actor.scope, schoolId);
  const session: TrainingSession = { ...input, id: input.id ?? uuidv7(), schoolId };
  const problems = validateTrainingSession(session, defaultTrainingModules);
  if (problems.length) throw new AppError('TRAINING_INVALID', `${problems.length} problem(s) in the session record.`, problems);
  const row = await insertTrainingSession(ctx.tx, {
    id: session.id,
    schoolId,
    areaPath: school.areaPath,
    moduleId: session.moduleId,
    heldOn: session.heldOn,
    audience: session.audience,
    record: session as unknown as Record<string, unknown>,
  });
  if (!row) throw new AppError('VERSION_CONFLICT', 'A session with this id was already recorded.');
  await audit(ctx, { action: 'training_session.record', entity: 'training_session', entityId: row.id, afterVersion: row.version, details: { schoolId, moduleId: session.moduleId } });
  return row;
}
