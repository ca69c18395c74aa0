import { defaultTrainingModules, taskForceTrained, type PlanContent, type TaskForceTraining, type TrainingSession } from '@safeschools/domain';
import { findVisiblePlanOfSchool } from '../../db/plans/plans.repository.js';
import { listTrainingSessionsOfSchool, type TrainingSessionRow } from '../../db/trainings/training-sessions.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { requireVisibleSchool } from '../plans/visible-school.js';

const maxSessions = 1000;

export interface TaskForceStatus extends TaskForceTraining {
  taskForceId: string;
  type: string;
  customName: string | null;
}

export const sessionOfRow = (row: TrainingSessionRow): TrainingSession => row.record as unknown as TrainingSession;

/** A school's sessions and, for each task force of its plan, whether its adult members are trained. */
export async function listTrainingSessions(ctx: Ctx, schoolId: string): Promise<{ rows: TrainingSessionRow[]; taskForces: TaskForceStatus[] }> {
  const actor = requirePermission(ctx, 'safety.read');
  await requireVisibleSchool(ctx, actor.scope, schoolId);
  const rows = await listTrainingSessionsOfSchool(ctx.tx, schoolId, maxSessions);
  const sessions = rows.map(sessionOfRow);
  const plan = await findVisiblePlanOfSchool(ctx.tx, actor.scope, schoolId);
  const forces = plan ? (plan.content as unknown as PlanContent).taskForces : [];
  const taskForces = forces.map((force) => ({
    taskForceId: force.id,
    type: force.type,
    customName: force.customName ?? null,
    ...taskForceTrained(force, sessions, defaultTrainingModules),
  }));
  return { rows, taskForces };
}
