import { areaRollup as rollupRows } from '../../db/areas/area-rollup.repository.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { figureTotal, type FigureTotal } from '../shared/figure-total.js';

export interface AreaRollup {
  areaId: string;
  name: string;
  names: Record<string, string>;
  level: string;
  codes: Record<string, string>;
  schools: number;
  children: FigureTotal;
  girls: FigureTotal;
  boys: FigureTotal;
  /** Simplified GeoJSON, as text; null when not asked for or the area has no shape. */
  geometry: string | null;
}

/** Schools and enrolment per area of one level, for district/state progress and choropleths. */
export async function areaRollup(ctx: Ctx, query: { level: string; parent?: string; geometry: 'none' | 'simplified' }): Promise<AreaRollup[]> {
  const actor = requirePermission(ctx, 'registry.read');
  const rows = await rollupRows(ctx.database, ctx.tx, actor.scope, {
    level: query.level,
    ...(query.parent ? { parentId: query.parent } : {}),
    withGeometry: query.geometry === 'simplified',
  });
  return rows.map((r) => ({
    areaId: r.area_id,
    name: r.name,
    names: r.names,
    level: r.level,
    codes: r.codes,
    schools: Number(r.schools),
    children: figureTotal(r.children, r.schools_with_children, r.schools),
    girls: figureTotal(r.girls, r.schools_with_girls, r.schools),
    boys: figureTotal(r.boys, r.schools_with_boys, r.schools),
    geometry: r.geometry,
  }));
}
