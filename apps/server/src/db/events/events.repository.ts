import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { hazardEvents } from '../schema.js';

export type EventRow = typeof hazardEvents.$inferSelect;
export type NewEventRow = typeof hazardEvents.$inferInsert;

export async function insertEvent(on: Executor, row: NewEventRow): Promise<EventRow> {
  const rows = await on.insert(hazardEvents).values(row).returning();
  return rows[0]!;
}

/** Writes new content over an event, bumping its version; returns the row as stored. */
export async function updateEvent(on: Executor, id: string, changes: Partial<NewEventRow>): Promise<EventRow> {
  const rows = await on
    .update(hazardEvents)
    .set({ ...changes, version: sql`${hazardEvents.version} + 1`, updatedAt: sql`now()` })
    .where(eq(hazardEvents.id, id))
    .returning();
  return rows[0]!;
}

/** The live event any of `keys` belongs to (a delivery or family key it has stored). */
export async function findEventByKeys(on: Executor, keys: string[]): Promise<EventRow | undefined> {
  if (keys.length === 0) return undefined;
  const rows = await on
    .select()
    .from(hazardEvents)
    .where(and(isNull(hazardEvents.deletedAt), sql`${hazardEvents.sourceKeys} && ARRAY[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`))
    .orderBy(desc(hazardEvents.createdAt))
    .limit(1);
  return rows[0];
}

export async function findEvent(on: Executor, id: string): Promise<EventRow | undefined> {
  const rows = await on.select().from(hazardEvents).where(and(eq(hazardEvents.id, id), isNull(hazardEvents.deletedAt))).limit(1);
  return rows[0];
}

export async function listEventRows(
  on: Executor,
  filter: { kind?: string; status?: string; after?: { createdAt: Date; id: string }; sinceSeq?: number; limit: number },
): Promise<EventRow[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.kind) where.push(eq(hazardEvents.kind, filter.kind));
  if (filter.status) where.push(eq(hazardEvents.status, filter.status));
  if (filter.sinceSeq !== undefined) {
    where.push(sql`${hazardEvents.changeSeq} > ${filter.sinceSeq}`);
    return on.select().from(hazardEvents).where(and(...where)).orderBy(hazardEvents.changeSeq).limit(filter.limit);
  }
  where.push(isNull(hazardEvents.deletedAt));
  // Ordered by created_at cut to milliseconds, as the cursor carries it (a JavaScript Date): comparing the cursor
  // with the full microsecond value would skip events created within the same millisecond at a page boundary.
  const created = sql`date_trunc('milliseconds', ${hazardEvents.createdAt})`;
  if (filter.after) {
    const { createdAt, id } = filter.after;
    where.push(sql`(${created}, ${hazardEvents.id}) < (${createdAt.toISOString()}::timestamptz, ${id}::uuid)`);
  }
  return on.select().from(hazardEvents).where(and(...where)).orderBy(desc(created), desc(hazardEvents.id)).limit(filter.limit);
}

export async function maxEventChangeSeq(on: Executor): Promise<number> {
  const rows = await on.select({ n: sql<number>`coalesce(max(${hazardEvents.changeSeq}), 0)`.mapWith(Number) }).from(hazardEvents);
  return rows[0]?.n ?? 0;
}

export interface AffectedRowsInput {
  schoolIds: string[];
  districtIds: (string | null)[];
  intensity: number[];
  band: number[];
  /** NULL where the registry has no such figure for the school. */
  girls: (number | null)[];
  boys: (number | null)[];
  children: (number | null)[];
  /** Postgres array literals ("{0.1,0.02}"), one per school. */
  damage: string[];
}

const CHUNK = 10_000;

/**
 * Replaces an event's affected schools. Rows go in as parallel arrays through unnest, CHUNK at a time: one
 * statement per chunk instead of one per school, on both drivers.
 */
export async function replaceEventSchools(on: Executor, eventId: string, rows: AffectedRowsInput): Promise<void> {
  await on.execute(sql`DELETE FROM hazard_event_schools WHERE event_id = ${eventId}`);
  for (let i = 0; i < rows.schoolIds.length; i += CHUNK) {
    const part = <T>(a: T[]): T[] => a.slice(i, i + CHUNK);
    const arr = (values: (string | number | null)[], type: string): SQL => sql`${`{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`}::${sql.raw(type)}`;
    await on.execute(
      sql`INSERT INTO hazard_event_schools (event_id, school_id, district_id, intensity, band, girls, boys, children, damage)
          SELECT ${eventId}::uuid, u.s, u.d, u.i, u.b, u.g, u.y, u.c, u.dm::real[]
          FROM unnest(${arr(part(rows.schoolIds), 'uuid[]')}, ${arr(part(rows.districtIds), 'uuid[]')}, ${arr(part(rows.intensity), 'real[]')},
                      ${arr(part(rows.band), 'smallint[]')}, ${arr(part(rows.girls), 'int[]')}, ${arr(part(rows.boys), 'int[]')},
                      ${arr(part(rows.children), 'int[]')}, ${sql`${`{${part(rows.damage).map((d) => `"${d}"`).join(',')}}`}::text[]`})
            AS u(s, d, i, b, g, y, c, dm)`,
    );
  }
}
