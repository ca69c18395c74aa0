import { isIsoDate } from '../dates.js';
import { problem, type SafetyProblem } from '../problem.js';
import type { DrillRecord, DrillTimes } from './drill-types.js';

export interface DrillTargets {
  readonly classroomsOutSeconds: number;
  readonly assemblyPointSeconds: number;
  readonly headcountCompleteSeconds?: number;
  readonly source: string;
}

/**
 * India: every classroom out within one minute, the whole school at the assembly point within four. PROGRAMME
 * DEFAULT: NDMA 2016 requires regular mock drills; these exact figures are the programme's targets.
 */
export const indiaDrillTargets: DrillTargets = {
  classroomsOutSeconds: 60,
  assemblyPointSeconds: 240,
  source: 'SafeSchools programme default for India (drills per NDMA School Safety Policy Guidelines 2016)',
};

/** Longer than an hour is a typing mistake, not a drill. */
export const maxDrillSeconds = 3600;

const stages: readonly (keyof DrillTimes)[] = ['classroomsOutSeconds', 'assemblyPointSeconds', 'headcountCompleteSeconds'];

/** Problems in a drill record as typed in: impossible times and counts, stages out of order, bad dates. */
export function validateDrillRecord(record: DrillRecord): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  if (!isIsoDate(record.startedAt.slice(0, 10)) || Number.isNaN(Date.parse(record.startedAt)))
    problems.push(problem('DRILL_DATETIME_INVALID', 'startedAt', 'Give the date and time of the drill'));
  for (const stage of stages) {
    const seconds = record.times[stage];
    if (seconds === undefined) continue;
    if (!Number.isFinite(seconds) || seconds < 0) problems.push(problem('DRILL_TIME_NEGATIVE', `times.${stage}`, 'A time cannot be negative'));
    else if (seconds > maxDrillSeconds) problems.push(problem('DRILL_TIME_ABSURD', `times.${stage}`, `More than ${maxDrillSeconds} seconds; check the time`));
  }
  const measured = stages.flatMap((s) => (record.times[s] === undefined ? [] : [record.times[s]]));
  if (measured.some((s, i) => i > 0 && s < (measured[i - 1] ?? 0)))
    problems.push(problem('DRILL_TIMES_OUT_OF_ORDER', 'times', 'Each stage ends after the one before it'));
  const counts = [...Object.values(record.participants), ...record.observers.map((o) => o.count), record.missingPersons];
  if (counts.some((c) => !Number.isInteger(c) || c < 0))
    problems.push(problem('DRILL_COUNT_INVALID', 'participants', 'Counts are whole numbers from 0'));
  const p = record.participants;
  if (p.girls + p.boys + p.otherChildren + p.teachers + p.staff === 0)
    problems.push(problem('DRILL_NO_PARTICIPANTS', 'participants', 'Nobody took part'));
  for (const action of record.correctiveActions) {
    if (!isIsoDate(action.dueOn) || !action.owner.trim())
      problems.push(problem('DRILL_ACTION_INVALID', `correctiveActions.${action.id}`, 'An action needs an owner and a due date'));
    if (action.status === 'done' && !action.completedOn)
      problems.push(problem('DRILL_ACTION_INVALID', `correctiveActions.${action.id}`, 'A done action needs its completion date'));
  }
  return problems;
}

export interface DrillCheck {
  readonly code: 'CLASSROOMS_OUT' | 'ASSEMBLY_POINT' | 'HEADCOUNT_COMPLETE' | 'NO_MISSING_PERSONS';
  readonly measured: number | null;
  readonly target: number;
  /** null when the stage was not timed. */
  readonly met: boolean | null;
}

/** Each measured stage against its target; `passed` only when at least one stage was timed, every timed stage met its target and nobody was missing. */
export function evaluateDrill(record: DrillRecord, targets: DrillTargets = indiaDrillTargets): { checks: DrillCheck[]; passed: boolean } {
  const timed = (code: DrillCheck['code'], measured: number | undefined, target: number): DrillCheck => ({
    code,
    measured: measured ?? null,
    target,
    met: measured === undefined ? null : measured <= target,
  });
  const checks = [
    timed('CLASSROOMS_OUT', record.times.classroomsOutSeconds, targets.classroomsOutSeconds),
    timed('ASSEMBLY_POINT', record.times.assemblyPointSeconds, targets.assemblyPointSeconds),
    ...(targets.headcountCompleteSeconds === undefined
      ? []
      : [timed('HEADCOUNT_COMPLETE', record.times.headcountCompleteSeconds, targets.headcountCompleteSeconds)]),
    { code: 'NO_MISSING_PERSONS' as const, measured: record.missingPersons, target: 0, met: record.missingPersons === 0 },
  ];
  return { checks, passed: checks.every((c) => c.met !== false) && checks.some((c) => c.code !== 'NO_MISSING_PERSONS' && c.met === true) };
}
