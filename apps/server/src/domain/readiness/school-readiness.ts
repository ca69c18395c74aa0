import {
  defaultTrainingModules,
  dueDrills,
  formatIsoDate,
  taskForceTrained,
  type DrillDue,
  type PlanContent,
  type SafetyHazard,
  type SchoolReadinessSummary,
  type TrainingSession,
} from '@safeschools/domain';
import { readinessRows, trainingSessionsOf, type ReadinessRow } from '../../db/safety/readiness.repository.js';
import { drillIntervalsByCountry, scheduleWith } from '../countries/drill-intervals.js';
import { schoolDrillHazards } from '../drills/school-drill-hazards.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Everything the dashboard, its lists and its export know of one school. */
export interface SchoolReadiness {
  readonly row: ReadinessRow;
  readonly summary: SchoolReadinessSummary;
  /** Per hazard the school drills for, on its country's interval. */
  readonly drills: DrillDue[];
}

const num = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The readiness of every school in the caller's scope (or one area of it), in id order: each school's row is
 * gathered in one query, task forces are checked against training attendance with the domain rule, and drills
 * due are reckoned on the interval of the school's country.
 */
export async function schoolReadiness(ctx: Ctx, query: { area?: string }): Promise<SchoolReadiness[]> {
  const actor = requirePermission(ctx, 'safety.read');
  const rows = await readinessRows(ctx.database, ctx.tx, actor.scope, query.area);
  const sessions = new Map<string, TrainingSession[]>();
  for (const s of await trainingSessionsOf(ctx.database, ctx.tx, rows.filter((r) => r.plan_status !== null).map((r) => r.school_id))) {
    sessions.set(s.school_id, [...(sessions.get(s.school_id) ?? []), s.record as unknown as TrainingSession]);
  }
  const intervalsOf = await drillIntervalsByCountry(ctx, rows.map((r) => r.country_code));
  const today = formatIsoDate(ctx.now);
  return rows.map((r) => {
    const taskForces = Array.isArray(r.task_forces) ? (r.task_forces as PlanContent['taskForces']) : [];
    const trained = taskForces.filter((tf) => taskForceTrained(tf, sessions.get(r.school_id) ?? [], defaultTrainingModules).status === 'trained').length;
    const intervals = intervalsOf(r.country_code);
    const { hazards } = schoolDrillHazards({ drillSchedule: r.drill_schedule, sops: r.sops, hazardAssessment: r.hazard_assessment });
    const held = Object.entries(r.last_drills ?? {}).map(([hazard, on]) => ({ hazard: hazard as SafetyHazard, on }));
    const drills = dueDrills(scheduleWith(hazards, intervals), held, today);
    const summary: SchoolReadinessSummary = {
      schoolId: r.school_id,
      hasPlan: r.plan_status !== null,
      hasApprovedPlan: r.approved,
      lastDrillOn: r.last_drill,
      drillWithinMonths: intervals.defaultIntervalMonths,
      overdueDrill: drills.some((d) => d.overdue),
      taskForces: { trained, total: taskForces.length },
      pillarScores: { hazards: num(r.hazards), foundation: num(r.foundation), pillar1: num(r.pillar1), pillar2: num(r.pillar2), pillar3: num(r.pillar3) },
      flagged: r.flagged === true,
    };
    return { row: r, summary, drills };
  });
}
