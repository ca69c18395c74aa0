import { sql } from 'drizzle-orm';
import type { Scope } from '@safeschools/domain';
import type { Database, Executor } from '../../database.js';
import { schoolVisibleTo } from '../../scope/scope-filter.js';
import { STAGE } from './school-stage.repository.js';

/** Why a staged row lies outside the importer's scope. */
export type OutOfScopeReason = 'existing' | 'new' | 'moved';

export interface OutOfScopeRow {
  row: number;
  code: string;
  reason: OutOfScopeReason;
}

/**
 * Takes out of the staging table every row the importer may not write, and returns them: a row whose code names a
 * school outside the scope (changed or not, so nobody learns more of it than that the code is taken), a new school
 * that would be placed outside it (or nowhere, which no scoped person could see afterwards), and a school of theirs
 * the row would move out of it. The same test as the API's reads (`scope-filter.ts`), applied where the rows are
 * placed, so what an import may write and what its author may see cannot drift apart.
 */
export async function takeOutOfScopeRows(database: Database, tx: Executor, scope: Scope): Promise<OutOfScopeRow[]> {
  if (scope.kind === 'all') return [];
  // A NULL area path (unplaced) is outside every scope: coalesce, or NOT NULL would keep the row.
  const placedInScope = sql`coalesce(${schoolVisibleTo(scope, sql`coalesce(st.school_id, st.new_id)`, sql`st.area_path`)}, false)`;
  const rows = await database.rows<{ row: number; code: string; reason: OutOfScopeReason }>(
    sql`DELETE FROM ${sql.raw(STAGE)} st
        WHERE CASE
          WHEN st.school_id IS NULL THEN NOT ${placedInScope}
          WHEN NOT EXISTS (SELECT 1 FROM schools s WHERE s.id = st.school_id
                            AND ${schoolVisibleTo(scope, sql`s.id`, sql`s.area_path`)}) THEN true
          WHEN coalesce(st.moved, false) THEN NOT ${placedInScope}
          ELSE false END
        RETURNING st.row, st.code,
          CASE WHEN st.school_id IS NULL THEN 'new'
               WHEN NOT EXISTS (SELECT 1 FROM schools s WHERE s.id = st.school_id
                                 AND ${schoolVisibleTo(scope, sql`s.id`, sql`s.area_path`)}) THEN 'existing'
               ELSE 'moved' END AS reason`,
    tx,
  );
  return rows.sort((a, b) => a.row - b.row);
}
