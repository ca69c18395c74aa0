import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { instruments } from '../schema.js';

export type InstrumentRow = typeof instruments.$inferSelect;

/** Stores a definition unless that id and version exist; true when it was new. */
export async function insertInstrument(on: Executor, row: typeof instruments.$inferInsert): Promise<boolean> {
  const rows = await on.insert(instruments).values(row).onConflictDoNothing().returning({ id: instruments.id });
  return rows.length > 0;
}

export async function findInstrument(on: Executor, id: string, version?: number): Promise<InstrumentRow | undefined> {
  const rows = await on
    .select()
    .from(instruments)
    .where(version === undefined ? eq(instruments.id, id) : and(eq(instruments.id, id), eq(instruments.version, version)))
    .orderBy(desc(instruments.version))
    .limit(1);
  return rows[0];
}

export async function listInstrumentRows(on: Executor): Promise<InstrumentRow[]> {
  return on.select().from(instruments).orderBy(instruments.id, desc(instruments.version));
}
