import type { TaskForce } from '../plan/plan-types.js';
import type { TrainingModule, TrainingSession } from './training-types.js';

export interface TaskForceTraining {
  /** `no_module` when the catalogue has no module for this task force (custom ones). */
  readonly status: 'trained' | 'not_trained' | 'no_module';
  readonly untrainedPersonIds: readonly string[];
}

/**
 * A task force is trained when every adult member is among the attendees of some session of a module made for
 * its type. Student members are counts, not people, so they are not tracked here.
 */
export function taskForceTrained(
  taskForce: TaskForce,
  sessions: readonly TrainingSession[],
  modules: readonly TrainingModule[],
): TaskForceTraining {
  const matching = new Set(modules.filter((m) => m.taskForceType !== undefined && m.taskForceType === taskForce.type).map((m) => m.id));
  const adults = taskForce.members.flatMap((m) => (m.kind === 'adult' ? [m.personId] : []));
  if (matching.size === 0) return { status: 'no_module', untrainedPersonIds: adults };
  const attended = new Set(sessions.filter((s) => matching.has(s.moduleId)).flatMap((s) => s.attendeePersonIds));
  const untrained = adults.filter((id) => !attended.has(id));
  return { status: adults.length > 0 && untrained.length === 0 ? 'trained' : 'not_trained', untrainedPersonIds: untrained };
}
