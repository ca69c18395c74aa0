import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { areas } from '../schema.js';
import { areaVisibleTo } from '../scope/scope-filter.js';

const columns = {
  id: areas.id,
  parentId: areas.parentId,
  level: areas.level,
  name: areas.name,
  names: areas.names,
  codes: areas.codes,
  validFrom: areas.validFrom,
  validTo: areas.validTo,
  version: areas.version,
  createdAt: areas.createdAt,
  updatedAt: areas.updatedAt,
  deletedAt: areas.deletedAt,
  changeSeq: areas.changeSeq,
};
export type AreaRow = { [K in keyof typeof columns]: (typeof areas.$inferSelect)[K] };

export async function listVisibleAreas(
  on: Executor,
  viewer: Scope,
  filter: { level?: string; parentId?: string; afterId?: string; sinceSeq?: number; limit: number },
): Promise<AreaRow[]> {
  const where: (SQL | undefined)[] = [areaVisibleTo(viewer)];
  if (filter.level) where.push(eq(areas.level, filter.level));
  if (filter.parentId) where.push(eq(areas.parentId, filter.parentId));
  if (filter.sinceSeq !== undefined) where.push(sql`${areas.changeSeq} > ${filter.sinceSeq}`);
  else {
    where.push(isNull(areas.deletedAt));
    if (filter.afterId) where.push(gt(areas.id, filter.afterId));
  }
  return on
    .select(columns)
    .from(areas)
    .where(and(...where))
    .orderBy(filter.sinceSeq !== undefined ? asc(areas.changeSeq) : asc(areas.id))
    .limit(filter.limit);
}

export async function maxAreaChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${areas.changeSeq}), 0)`.mapWith(Number) }).from(areas);
  return rows[0]?.n ?? 0;
}
