import { formatIsoDate } from '@safeschools/domain';
import { listVisiblePlans, type PlanListRow } from '../../db/plans/plans.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { decodePageCursor, encodePageCursor } from '../shared/cursor.js';

export interface ListPlansQuery {
  area?: string;
  status?: 'draft' | 'submitted' | 'approved' | 'returned';
  reviewOverdue?: 'true' | 'false';
  cursor?: string;
  limit: number;
}

/** Plans of the schools the caller sees, for block and district officers following reviews and approvals. */
export async function listPlans(ctx: Ctx, query: ListPlansQuery): Promise<{ items: PlanListRow[]; nextCursor: string | null }> {
  const actor = requirePermission(ctx, 'safety.read');
  // Filtered in SQL so pages stay full; the same rule as the domain's isReviewOverdue (due date passed).
  const rows = await listVisiblePlans(ctx.tx, actor.scope, {
    limit: query.limit,
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.reviewOverdue === 'true' ? { reviewDueBefore: formatIsoDate(ctx.now) } : {}),
    ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}),
  });
  const last = rows.at(-1);
  return { items: rows, nextCursor: rows.length === query.limit && last ? encodePageCursor(last.plan.id) : null };
}
