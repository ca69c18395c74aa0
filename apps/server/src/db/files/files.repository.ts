import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { files } from '../schema.js';

export type FileRow = typeof files.$inferSelect;

export async function insertFile(on: Executor, row: typeof files.$inferInsert): Promise<void> {
  await on.insert(files).values(row);
}

/** A stored file that is not deleted; who may see it is the domain's decision. */
export async function findFile(on: Executor, id: string): Promise<FileRow | undefined> {
  const rows = await on
    .select()
    .from(files)
    .where(and(eq(files.id, id), isNull(files.deletedAt)))
    .limit(1);
  return rows[0];
}
