import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Executor } from '../database.js';
import { schools } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

export type SchoolRow = typeof schools.$inferSelect;

const visible = (viewer: Scope) => schoolVisibleTo(viewer, schools.id, schools.areaPath);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A name containing the text, or a code starting with it. `lower(name)` is the expression the trigram index
 * (migration 0004) is built on; in any script lower() leaves uncased letters as they are.
 */
function nameOrCodeContains(q: string): SQL {
  const text = q.trim().toLowerCase();
  return sql`(lower(${schools.name}) LIKE ${`%${escapeLike(text)}%`} OR ${schools.code} LIKE ${`${escapeLike(q.trim())}%`})`;
}

/** A word of the name close to the text (pg_trgm word similarity), so "Manipett" or "Kachch" still finds a school. */
function nameWordLike(q: string): SQL {
  return sql`${q.trim().toLowerCase()} <% lower(${schools.name})`;
}

type ListFilter = { q?: string; areaId?: string; afterId?: string; sinceSeq?: number; limit: number };

function listWhere(viewer: Scope, filter: ListFilter, match: SQL | undefined): SQL | undefined {
  const where: (SQL | undefined)[] = [visible(viewer), match];
  if (filter.areaId) where.push(sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.sinceSeq !== undefined) where.push(sql`${schools.changeSeq} > ${filter.sinceSeq}`);
  else {
    where.push(isNull(schools.deletedAt));
    if (filter.afterId) where.push(gt(schools.id, filter.afterId));
  }
  return and(...where);
}

/**
 * Schools the viewer may see, by id (or by change for a sync). With a search text: the schools whose name contains
 * it or whose code starts with it; only when no such school exists (in scope and area), those with a name word
 * close to it. Exact matches are precise on the trigram index; similarity must check every name sharing enough
 * trigrams (tens of thousands for a common village name at national scale), so it runs only when needed.
 */
export async function listVisibleSchools(on: Executor, viewer: Scope, filter: ListFilter): Promise<SchoolRow[]> {
  const page = (match: SQL | undefined) =>
    on
      .select()
      .from(schools)
      .where(listWhere(viewer, filter, match))
      .orderBy(filter.sinceSeq !== undefined ? asc(schools.changeSeq) : asc(schools.id))
      .limit(filter.limit);
  if (!filter.q) return page(undefined);
  const exact = nameOrCodeContains(filter.q);
  const rows = await page(exact);
  if (rows.length > 0 || (await anyMatch(on, viewer, filter, exact))) return rows;
  return page(nameWordLike(filter.q));
}

/**
 * Whether any school matches before the cursor or outside the sync window, so the choice of exact or similar names
 * stays the same on every page. An empty first page has answered that already.
 */
async function anyMatch(on: Executor, viewer: Scope, filter: ListFilter, match: SQL): Promise<boolean> {
  if (filter.afterId === undefined && filter.sinceSeq === undefined) return false;
  const found = await on
    .select({ id: schools.id })
    .from(schools)
    .where(listWhere(viewer, { ...filter, afterId: undefined, sinceSeq: undefined }, match))
    .limit(1);
  return found.length > 0;
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
