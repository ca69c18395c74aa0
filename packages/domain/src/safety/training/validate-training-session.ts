import { isIsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import type { TrainingModule, TrainingSession } from './training-types.js';

/** Problems in a session record as typed in. */
export function validateTrainingSession(session: TrainingSession, modules: readonly TrainingModule[]): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  if (!modules.some((m) => m.id === session.moduleId))
    problems.push(problem('TRAINING_MODULE_UNKNOWN', 'moduleId', `No module "${session.moduleId}" in the catalogue`));
  if (!isIsoDate(session.heldOn)) problems.push(problem('TRAINING_DATE_INVALID', 'heldOn', 'Give the date as YYYY-MM-DD'));
  if (!session.facilitator.name.trim()) problems.push(problem('TRAINING_FACILITATOR_MISSING', 'facilitator', 'Name the facilitator'));
  const p = session.participants;
  const grades = Object.values(session.studentsByGrade ?? {});
  if ([p.female, p.male, p.other, p.withDisability, ...grades].some((c) => !Number.isInteger(c) || c < 0))
    problems.push(problem('TRAINING_COUNT_INVALID', 'participants', 'Counts are whole numbers from 0'));
  const total = p.female + p.male + p.other;
  if (total === 0) problems.push(problem('TRAINING_NO_PARTICIPANTS', 'participants', 'Nobody took part'));
  if (p.withDisability > total)
    problems.push(problem('TRAINING_COUNT_INVALID', 'participants.withDisability', 'More participants with a disability than participants'));
  if (grades.reduce((a, b) => a + b, 0) > total)
    problems.push(problem('TRAINING_COUNT_INVALID', 'studentsByGrade', 'More students by grade than participants'));
  if (new Set(session.attendeePersonIds).size !== session.attendeePersonIds.length)
    problems.push(problem('TRAINING_ATTENDEE_DUPLICATE', 'attendeePersonIds', 'An attendee is listed twice'));
  for (const [field, value] of [['preTestAverage', session.preTestAverage], ['postTestAverage', session.postTestAverage]] as const)
    if (value !== undefined && !(value >= 0 && value <= 100))
      problems.push(problem('TRAINING_SCORE_INVALID', field, 'Test averages lie between 0 and 100'));
  return problems;
}
