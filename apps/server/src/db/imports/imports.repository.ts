import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
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

export async function updateImport(
  on: Executor,
  id: string,
  changes: Partial<Pick<ImportRow, 'status' | 'progress' | 'message' | 'error' | 'counts' | 'mapping' | 'options' | 'jobId' | 'finishedAt'>>,
): Promise<void> {
  await on.update(imports).set({ ...changes, updatedAt: sql`now()` }).where(eq(imports.id, id));
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
