import {
  defaultTrainingModules,
  readinessFigures,
  taskForceTrained,
  type PlanContent,
  type ReadinessFigure,
  type SchoolReadinessSummary,
  type TrainingSession,
} from '@safeschools/domain';
import { readinessRows, trainingSessionsOf } from '../../db/safety/readiness.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/**
 * The readiness dashboard of an area (or everything the caller may see): each school's summary is gathered in
 * one query, task forces are checked against training attendance with the domain rule, and the figures are
 * computed by the domain.
 */
export async function getReadiness(ctx: Ctx, query: { area?: string }) {
  const actor = requirePermission(ctx, 'safety.read');
  const rows = await readinessRows(ctx.database, ctx.tx, actor.scope, query.area);
  const withPlans = rows.filter((r) => r.plan_content);
  const sessions = new Map<string, TrainingSession[]>();
  for (const s of await trainingSessionsOf(ctx.database, ctx.tx, withPlans.map((r) => r.school_id))) {
    const list = sessions.get(s.school_id) ?? [];
    list.push(s.record as unknown as TrainingSession);
    sessions.set(s.school_id, list);
  }
  const num = (v: number | null): number | null => (v === null || v === undefined ? null : Number(v));
  const summaries: SchoolReadinessSummary[] = rows.map((r) => {
    const taskForces = ((r.plan_content as unknown as PlanContent | null)?.taskForces ?? []);
    const trained = taskForces.filter((tf) => taskForceTrained(tf, sessions.get(r.school_id) ?? [], defaultTrainingModules).status === 'trained').length;
    return {
      schoolId: r.school_id,
      hasApprovedPlan: r.approved,
      lastDrillOn: r.last_drill,
      taskForces: { trained, total: taskForces.length },
      pillarScores: { hazards: num(r.hazards), foundation: num(r.foundation), pillar1: num(r.pillar1), pillar2: num(r.pillar2), pillar3: num(r.pillar3) },
      flagged: r.flagged === true,
    };
  });
  const today = ctx.now.toISOString().slice(0, 10);
  const f = readinessFigures(summaries, today);
  const figure = (x: ReadinessFigure) => ({ count: x.count, percent: x.percent, schoolIds: [...x.schoolIds] });
  return {
    areaId: query.area ?? null,
    asOf: today,
    schools: f.schools,
    approvedPlan: figure(f.approvedPlan),
    drilledRecently: figure(f.drilledRecently),
    taskForcesTrained: figure(f.taskForcesTrained),
    flagged: figure(f.flagged),
    pillarDistribution: Object.fromEntries(Object.entries(f.pillarDistribution).map(([p, h]) => [p, { buckets: h.buckets.map((b) => ({ ...b })), unscored: h.unscored }])),
  };
}
