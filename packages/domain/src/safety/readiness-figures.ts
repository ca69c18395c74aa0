import { addMonths, type IsoDate } from './dates.js';
import { pillars, type Pillar } from './instruments/instrument-types.js';

/** What the dashboard needs to know of one school, gathered by the server from plans, drills, trainings, reports. */
export interface SchoolReadinessSummary {
  readonly schoolId: string;
  /** Any plan, approved or not. */
  readonly hasPlan: boolean;
  readonly hasApprovedPlan: boolean;
  readonly lastDrillOn: IsoDate | null;
  /** The school's country's drill interval, when it sets one; a drill within it counts as recent. */
  readonly drillWithinMonths?: number;
  /** A hazard the school drills for is past its due date (or was never drilled). */
  readonly overdueDrill: boolean;
  readonly taskForces: { readonly trained: number; readonly total: number };
  readonly pillarScores: Partial<Readonly<Record<Pillar, number | null>>>;
  readonly flagged: boolean;
}

/** A count with its share and the schools behind it, so every figure on the dashboard opens its list. */
export interface ReadinessFigure {
  readonly count: number;
  /** One decimal; null for an area with no schools. */
  readonly percent: number | null;
  readonly schoolIds: readonly string[];
}

export interface ScoreHistogram {
  readonly buckets: readonly { readonly from: number; readonly to: number; readonly count: number }[];
  readonly unscored: number;
}

export interface ReadinessFigures {
  readonly schools: number;
  readonly approvedPlan: ReadinessFigure;
  readonly drilledRecently: ReadinessFigure;
  /** Schools with at least one task force, all of them trained. */
  readonly taskForcesTrained: ReadinessFigure;
  readonly flagged: ReadinessFigure;
  readonly noPlan: ReadinessFigure;
  readonly overdueDrill: ReadinessFigure;
  readonly pillarDistribution: Readonly<Record<Pillar, ScoreHistogram>>;
}

export interface ReadinessOptions {
  /** A drill counts as recent within this many months (six, the drill interval). */
  readonly drillWithinMonths: number;
  readonly bucketWidth: number;
}

export const defaultReadinessOptions: ReadinessOptions = { drillWithinMonths: 6, bucketWidth: 20 };

/** The readiness figures of a block, district, state or country from its schools' summaries. */
export function readinessFigures(
  schools: readonly SchoolReadinessSummary[],
  today: IsoDate,
  options: ReadinessOptions = defaultReadinessOptions,
): ReadinessFigures {
  const recentSince = (months: number): IsoDate => addMonths(today, -months);
  const figure = (test: (s: SchoolReadinessSummary) => boolean): ReadinessFigure => {
    const ids = schools.filter(test).map((s) => s.schoolId);
    return { count: ids.length, percent: schools.length === 0 ? null : Math.round((1000 * ids.length) / schools.length) / 10, schoolIds: ids };
  };
  return {
    schools: schools.length,
    approvedPlan: figure((s) => s.hasApprovedPlan),
    drilledRecently: figure((s) => s.lastDrillOn !== null && s.lastDrillOn >= recentSince(s.drillWithinMonths ?? options.drillWithinMonths) && s.lastDrillOn <= today),
    taskForcesTrained: figure((s) => s.taskForces.total > 0 && s.taskForces.trained >= s.taskForces.total),
    flagged: figure((s) => s.flagged),
    noPlan: figure((s) => !s.hasPlan),
    overdueDrill: figure((s) => s.overdueDrill),
    pillarDistribution: Object.fromEntries(pillars.map((p) => [p, histogram(schools.map((s) => s.pillarScores[p] ?? null), options.bucketWidth)])) as Record<
      Pillar,
      ScoreHistogram
    >,
  };
}

/** Buckets [from, to) over 0-100, the last one closed so that 100 counts. */
function histogram(scores: readonly (number | null)[], width: number): ScoreHistogram {
  const count = Math.ceil(100 / width);
  const buckets = Array.from({ length: count }, (_, i) => ({ from: i * width, to: Math.min(100, (i + 1) * width), count: 0 }));
  let unscored = 0;
  for (const score of scores) {
    if (score === null) {
      unscored += 1;
      continue;
    }
    const index = Math.min(count - 1, Math.max(0, Math.floor(score / width)));
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return { buckets, unscored };
}
