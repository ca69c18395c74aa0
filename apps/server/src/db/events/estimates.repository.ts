import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { hazardEvents } from '../schema.js';
import type { EventRow } from './events.repository.js';

/**
 * Actual events still estimated (early earthquake events from a feed) whose origin time is within `windowMs` of
 * `time`, nearest in time first. The caller weighs their epicentres.
 */
export async function estimatesNear(on: Executor, time: Date, windowMs: number): Promise<EventRow[]> {
  const from = new Date(time.getTime() - windowMs);
  const to = new Date(time.getTime() + windowMs);
  return on
    .select()
    .from(hazardEvents)
    .where(
      and(
        eq(hazardEvents.estimated, true),
        eq(hazardEvents.status, 'actual'),
        isNull(hazardEvents.deletedAt),
        sql`${hazardEvents.onset} BETWEEN ${from.toISOString()}::timestamptz AND ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`abs(extract(epoch FROM ${hazardEvents.onset} - ${time.toISOString()}::timestamptz))`)
    .limit(50);
}
