import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { schools } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export type SchoolRow = typeof schools.$inferSelect;

const visible = (viewer: Scope) => schoolVisibleTo(viewer, schools.id, schools.areaPath);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A name containing the text, or a word of the name close to it (pg_trgm word similarity, so "Manipett" or
 * "Kachch" still finds a school), or a code starting with it. `lower(name)` is the expression the trigram
 * index (migration 0004) is built on; in any script lower() leaves uncased letters as they are.
 */
function nameOrCodeMatches(q: string): SQL {
  const text = q.trim().toLowerCase();
  return sql`(lower(${schools.name}) LIKE ${`%${escapeLike(text)}%`} OR ${text} <% lower(${schools.name})
    OR ${schools.code} LIKE ${`${escapeLike(q.trim())}%`})`;
}

export async function listVisibleSchools(
  on: Executor,
  viewer: Scope,
  filter: { q?: string; areaId?: string; afterId?: string; sinceSeq?: number; limit: number },
): Promise<SchoolRow[]> {
  const where: (SQL | undefined)[] = [visible(viewer)];
  if (filter.areaId) where.push(sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.q) where.push(nameOrCodeMatches(filter.q));
  if (filter.sinceSeq !== undefined) where.push(sql`${schools.changeSeq} > ${filter.sinceSeq}`);
  else {
    where.push(isNull(schools.deletedAt));
    if (filter.afterId) where.push(gt(schools.id, filter.afterId));
  }
  return on
    .select()
    .from(schools)
    .where(and(...where))
    .orderBy(filter.sinceSeq !== undefined ? asc(schools.changeSeq) : asc(schools.id))
    .limit(filter.limit);
}

export async function findVisibleSchool(on: Executor, viewer: Scope, id: string): Promise<SchoolRow | undefined> {
  const rows = await on
    .select()
    .from(schools)
    .where(and(eq(schools.id, id), isNull(schools.deletedAt), visible(viewer)))
    .limit(1);
  return rows[0];
}

export async function maxSchoolChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${schools.changeSeq}), 0)`.mapWith(Number) }).from(schools);
  return rows[0]?.n ?? 0;
}
