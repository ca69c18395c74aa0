import type { SchoolRecordFilter } from '../../db/sync/school-record-list.js';
import { decodePageCursor, decodeSyncCursor, pageFrom, type Page } from '../shared/cursor.js';

export interface SchoolRecordQuery {
  area?: string;
  school?: string;
  from?: string;
  to?: string;
  cursor?: string;
  since?: string;
  limit: number;
}

/**
 * A list of records held at schools, read the way every syncable list is: a page by cursor, or with `since` the
 * changes after a sync cursor. In page mode the sync cursor is where the table stood before the read, so
 * nothing written during a long paging is missed by the next sync.
 */
export async function schoolRecordPage<R extends { id: string; changeSeq: number }>(
  query: SchoolRecordQuery,
  read: (filter: SchoolRecordFilter) => Promise<R[]>,
  tableSeq: () => Promise<number>,
): Promise<Page<R>> {
  const filter: SchoolRecordFilter = {
    limit: query.limit,
    ...(query.area ? { areaId: query.area } : {}),
    ...(query.school ? { schoolId: query.school } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
  if (query.since !== undefined) {
    const since = decodeSyncCursor(query.since);
    return pageFrom(await read({ ...filter, sinceSeq: since }), query.limit, { since });
  }
  const seq = await tableSeq();
  return pageFrom(await read({ ...filter, ...(query.cursor ? { afterId: decodePageCursor(query.cursor) } : {}) }), query.limit, { tableSeq: seq });
}
