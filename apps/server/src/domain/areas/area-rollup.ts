import { areaRollup as rollupRows, type AreaRollupRow } from '../../db/areas/area-rollup.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';

/** Schools and enrolment per area of one level, for district/state progress and choropleths. */
export async function areaRollup(ctx: Ctx, query: { level: string; parent?: string; geometry: 'none' | 'simplified' }): Promise<AreaRollupRow[]> {
  const actor = requirePermission(ctx, 'registry.read');
  return rollupRows(ctx.database, ctx.tx, actor.scope, {
    level: query.level,
    ...(query.parent ? { parentId: query.parent } : {}),
    withGeometry: query.geometry === 'simplified',
  });
}
