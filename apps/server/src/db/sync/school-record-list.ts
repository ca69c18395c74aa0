import { and, asc, eq, gt, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '@safeschools/domain';
import { schools } from '../schema.js';
import { schoolVisibleTo } from '../scope/scope-filter.js';

/** The columns a syncable record held at a school (a drill, a training session) is listed by. */
export interface SchoolRecordColumns {
  id: AnyPgColumn;
  schoolId: AnyPgColumn;
  heldOn: AnyPgColumn;
  changeSeq: AnyPgColumn;
  deletedAt: AnyPgColumn;
}

export interface SchoolRecordFilter {
  areaId?: string;
  schoolId?: string;
  from?: string;
  to?: string;
  /** Page mode: rows after this id. */
  afterId?: string;
  /** Sync mode: rows changed after this sequence, deletions included. */
  sinceSeq?: number;
  limit: number;
}

/**
 * Where and order of a list of records held at schools, joined to `schools`: visible to the viewer by the
 * school's current place, filtered, and either a page in id order or, with `sinceSeq`, the changes after it in
 * change order (deleted rows included, so a device can drop them).
 */
export function schoolRecordList(columns: SchoolRecordColumns, viewer: Scope, filter: SchoolRecordFilter, extra: SQL[] = []): { where: SQL | undefined; orderBy: SQL } {
  const where: (SQL | undefined)[] = [schoolVisibleTo(viewer, schools.id, schools.areaPath), ...extra];
  if (filter.areaId) where.push(sql`${schools.areaPath} @> ARRAY[${filter.areaId}]::uuid[]`);
  if (filter.schoolId) where.push(eq(columns.schoolId, filter.schoolId));
  if (filter.from) where.push(gte(columns.heldOn, filter.from));
  if (filter.to) where.push(lte(columns.heldOn, filter.to));
  if (filter.sinceSeq !== undefined) {
    where.push(gt(columns.changeSeq, filter.sinceSeq));
    return { where: and(...where), orderBy: asc(columns.changeSeq) };
  }
  where.push(isNull(columns.deletedAt), isNull(schools.deletedAt));
  if (filter.afterId) where.push(gt(columns.id, filter.afterId));
  return { where: and(...where), orderBy: asc(columns.id) };
}
