import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
import { importRowErrors, imports, type ImportCounts } from '../schema.js';

export type ImportRow = typeof imports.$inferSelect;
export type ImportRowErrorRow = typeof importRowErrors.$inferSelect;

export async function insertImport(on: Executor, row: typeof imports.$inferInsert): Promise<ImportRow> {
  const rows = await on.insert(imports).values(row).returning();
  return rows[0]!;
}

export async function findImport(on: Executor, id: string): Promise<ImportRow | undefined> {
  const rows = await on.select().from(imports).where(eq(imports.id, id)).limit(1);
  return rows[0];
}

/** An import in a list, with its creation time to the microsecond (a JS Date keeps milliseconds) for the cursor. */
export interface ListedImport {
  row: ImportRow;
  createdAtExact: string;
}

/**
 * Imports newest first (by creation, then id): of one author, or everyone's when `createdBy` is undefined; after
 * `after`, the last of the page before.
 */
export async function listImportRows(
  on: Executor,
  filter: { createdBy?: string; status?: string; after?: { createdAt: string; id: string }; limit: number },
): Promise<ListedImport[]> {
  const exact = sql<string>`to_char(${imports.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const after = filter.after;
  return on
    .select({ row: imports, createdAtExact: exact })
    .from(imports)
    .where(
      and(
        filter.createdBy === undefined ? undefined : eq(imports.createdBy, filter.createdBy),
        filter.status === undefined ? undefined : eq(imports.status, filter.status),
        after ? sql`(${imports.createdAt}, ${imports.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(filter.limit);
}

export async function updateImport(on: Executor, id: string, changes: ImportChanges): Promise<void> {
  await on
    .update(imports)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(imports.id, id));
}

type ImportChanges = Partial<
  Pick<
    ImportRow,
    | 'status'
    | 'progress'
    | 'message'
    | 'error'
    | 'counts'
    | 'mapping'
    | 'options'
    | 'jobId'
    | 'finishedAt'
    | 'instanceId'
    | 'lastCommittedRow'
  >
>;

/**
 * Changes an import only while it is still in `from.status` (and, when given, still run by `from.instanceId`), so
 * of two racing transitions (a sweep and the runner, two resumes) only one happens. True when it changed.
 */
export async function transitionImport(
  on: Executor,
  id: string,
  from: { status: string; instanceId?: string | null },
  changes: ImportChanges,
): Promise<boolean> {
  const rows = await on
    .update(imports)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(
      and(
        eq(imports.id, id),
        eq(imports.status, from.status),
        from.instanceId === undefined ? undefined : sql`${imports.instanceId} IS NOT DISTINCT FROM ${from.instanceId}`,
      ),
    )
    .returning({ id: imports.id });
  return rows.length > 0;
}

export type ImportRunState = Pick<ImportRow, 'id' | 'kind' | 'dryRun' | 'status' | 'instanceId'>;
const runState = {
  id: imports.id,
  kind: imports.kind,
  dryRun: imports.dryRun,
  status: imports.status,
  instanceId: imports.instanceId,
};

/** Imports marked running, and the instance running each. */
export async function findRunningImports(on: Executor): Promise<ImportRunState[]> {
  return on.select(runState).from(imports).where(eq(imports.status, 'running'));
}

/** The import a job was queued to run, while it still waits for it (queued). */
export async function findQueuedImportOfJob(on: Executor, jobId: string): Promise<ImportRunState | undefined> {
  const rows = await on
    .select(runState)
    .from(imports)
    .where(and(eq(imports.jobId, jobId), eq(imports.status, 'queued')))
    .limit(1);
  return rows[0];
}

/** What the committed batches of a school import wrote, from their audit rows (one per batch, in file order). */
export interface CommittedBatches {
  batches: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The file row of the last committed batch; null when none was. */
  lastRow: number | null;
}

export async function committedBatches(database: Database, on: Executor, importId: string): Promise<CommittedBatches> {
  const rows = await database.rows<{
    batches: number;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    last_row: number | null;
  }>(
    sql`SELECT count(*)::int AS batches,
               coalesce(sum((details->>'rows')::int), 0)::int AS rows,
               coalesce(sum((details->>'created')::int), 0)::int AS created,
               coalesce(sum((details->>'updated')::int), 0)::int AS updated,
               coalesce(sum((details->>'unchanged')::int), 0)::int AS unchanged,
               max((details->>'lastRow')::int) AS last_row
          FROM audit_log
         WHERE entity = 'import' AND entity_id = ${importId} AND action = 'import.schools.batch'`,
    on,
  );
  const r = rows[0];
  return {
    batches: r?.batches ?? 0,
    rows: r?.rows ?? 0,
    created: r?.created ?? 0,
    updated: r?.updated ?? 0,
    unchanged: r?.unchanged ?? 0,
    lastRow: r?.last_row ?? null,
  };
}

export async function insertRowErrors(on: Executor, rows: (typeof importRowErrors.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await on.insert(importRowErrors).values(rows.slice(i, i + 1000));
}

export async function clearRowErrors(on: Executor, importId: string): Promise<void> {
  await on.delete(importRowErrors).where(eq(importRowErrors.importId, importId));
}

export async function firstRowErrors(on: Executor, importId: string, limit: number): Promise<{ rows: ImportRowErrorRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    on
      .select()
      .from(importRowErrors)
      .where(eq(importRowErrors.importId, importId))
      .orderBy(asc(importRowErrors.rowNumber))
      .limit(limit),
    on
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(importRowErrors)
      .where(and(eq(importRowErrors.importId, importId))),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

export type { ImportCounts };
