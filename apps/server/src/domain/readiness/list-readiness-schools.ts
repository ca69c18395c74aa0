import { allAreaLabels } from '../../db/exports/schools-export.repository.js';
import { areaLookup } from '../exports/export-columns.js';
import type { Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../shared/cursor.js';
import { schoolReadiness, type SchoolReadiness } from './school-readiness.js';
import { readinessFigures, formatIsoDate } from '@safeschools/domain';

export type ReadinessFilter = 'approved-plan' | 'recent-drill' | 'trained' | 'flagged' | 'no-plan' | 'overdue-drill';

const figureOf = {
  'approved-plan': 'approvedPlan',
  'recent-drill': 'drilledRecently',
  trained: 'taskForcesTrained',
  flagged: 'flagged',
  'no-plan': 'noPlan',
  'overdue-drill': 'overdueDrill',
} as const satisfies Record<ReadinessFilter, string>;

/**
 * The schools behind one dashboard figure, a page at a time in id order. The figure is computed by the same
 * domain rule as the dashboard, so the list always holds exactly the schools the figure counts.
 */
export async function listReadinessSchools(ctx: Ctx, query: { area?: string; filter: ReadinessFilter; cursor?: string; limit: number }) {
  const schools = await schoolReadiness(ctx, query);
  const figures = readinessFigures(schools.map((s) => s.summary), formatIsoDate(ctx.now));
  const counted = new Set(figures[figureOf[query.filter]].schoolIds);
  const after = query.cursor ? decodePageCursor(query.cursor) : null;
  const matching = schools.filter((s) => counted.has(s.row.school_id) && (after === null || s.row.school_id > after));
  const page = matching.slice(0, query.limit);
  const areas = areaLookup(page.length ? await allAreaLabels(ctx.database, ctx.tx) : []);
  const last = page.at(-1);
  return {
    items: page.map((s: SchoolReadiness) => ({
      id: s.row.school_id,
      code: s.row.code,
      name: s.row.name,
      district: areas(s.row, 'district')?.name ?? null,
      block: areas(s.row, 'block')?.name ?? null,
      planStatus: s.row.plan_status,
      lastDrillOn: s.row.last_drill,
      overdueDrill: s.summary.overdueDrill,
      taskForces: { ...s.summary.taskForces },
      overallScore: s.row.overall === null ? null : Number(s.row.overall),
      rating: s.row.rating,
      flagged: s.summary.flagged,
    })),
    nextCursor: matching.length > query.limit && last ? encodePageCursor(last.row.school_id) : null,
  };
}
