import { rankSchools } from '@safeschools/domain';
import {
  findVisibleAssessment,
  flaggedSchoolRows,
  latestScoresIn,
  listSchoolAssessmentRows,
  rankingAreas,
  type AssessmentRow,
} from '../../db/safety/assessments.repository.js';
import { findVisibleSchool, maxSchoolChangeSeq } from '../../db/schools/schools.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor, encodeSyncCursor } from '../shared/cursor.js';

export interface RankInGroup {
  areaId: string;
  level: string;
  name: string;
  rank: number | null;
  of: number;
}

/** Where a submitted assessment's school stands in its block and district (latest submitted assessment per school). */
async function ranksOf(ctx: Ctx, row: AssessmentRow): Promise<RankInGroup[]> {
  if (row.status !== 'submitted') return [];
  const groups = await rankingAreas(ctx.database, ctx.tx, row.areaPath);
  const out: RankInGroup[] = [];
  for (const g of groups) {
    const scores = await latestScoresIn(ctx.database, ctx.tx, g.id);
    const ranked = rankSchools(scores.map((s) => ({ schoolId: s.school_id, score: s.score === null ? null : Number(s.score) })));
    const mine = ranked.find((r) => r.schoolId === row.schoolId);
    out.push({ areaId: g.id, level: g.level, name: g.name, rank: mine?.rank ?? null, of: mine?.of ?? ranked.filter((r) => r.rank !== null).length });
  }
  return out;
}

export async function getAssessment(ctx: Ctx, id: string): Promise<{ row: AssessmentRow; ranks: RankInGroup[] }> {
  const actor = requirePermission(ctx, 'safety.read');
  const row = await findVisibleAssessment(ctx.tx, actor.scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { row, ranks: await ranksOf(ctx, row) };
}

export async function assessmentWithRanks(ctx: Ctx, row: AssessmentRow): Promise<{ row: AssessmentRow; ranks: RankInGroup[] }> {
  return { row, ranks: await ranksOf(ctx, row) };
}

export async function listSchoolAssessments(ctx: Ctx, schoolId: string, query: { cursor?: string; limit: number }) {
  const actor = requirePermission(ctx, 'safety.read');
  if (!(await findVisibleSchool(ctx.tx, actor.scope, schoolId))) throw new AppError('NOT_FOUND');
  const tableSeq = await maxSchoolChangeSeq(ctx.tx);
  const rows = await listSchoolAssessmentRows(ctx.tx, schoolId, { limit: query.limit, ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}) });
  const last = rows.at(-1);
  return {
    items: rows.map((row) => ({ row, ranks: [] as RankInGroup[] })),
    nextCursor: rows.length === query.limit && last ? encodePageCursor(last.id) : null,
    syncCursor: encodeSyncCursor(tableSeq),
  };
}

export async function listFlaggedSchools(ctx: Ctx, query: { area?: string; limit: number }) {
  const actor = requirePermission(ctx, 'safety.read');
  const rows = await flaggedSchoolRows(ctx.database, ctx.tx, actor.scope, { limit: query.limit, ...(query.area ? { areaId: query.area } : {}) });
  return rows.map((r) => ({
    schoolId: r.school_id,
    schoolName: r.school_name,
    schoolCode: r.school_code,
    assessmentId: r.assessment_id,
    submittedAt: new Date(r.submitted_at).toISOString(),
    priority: r.priority,
    reasons: r.reasons,
    pillar1Score: r.pillar1_score === null ? null : Number(r.pillar1_score),
    inspected: r.inspected,
  }));
}
