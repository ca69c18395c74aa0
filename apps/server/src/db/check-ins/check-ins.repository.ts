import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { checkInLinks, checkIns, hazardEvents, notifications, schools } from '../schema.js';

export type CheckInRow = typeof checkIns.$inferSelect;
export type NewCheckInRow = typeof checkIns.$inferInsert;

export interface CheckInLinkRow {
  eventId: string;
  schoolId: string;
  recipientKey: string;
  expiresAt: Date;
  schoolName: string;
  eventTitle: string;
  /** The language of the message that carried the link; null when its outbox row is gone. */
  language: string | null;
}

/** A check-in link by its token's hash, with what its page shows: the school's name and the event's title. */
export async function findCheckInLink(on: Executor, tokenHash: string): Promise<CheckInLinkRow | undefined> {
  const rows = await on
    .select({
      eventId: checkInLinks.eventId,
      schoolId: checkInLinks.schoolId,
      recipientKey: checkInLinks.recipientKey,
      expiresAt: checkInLinks.expiresAt,
      schoolName: schools.name,
      eventTitle: hazardEvents.title,
      language: notifications.language,
    })
    .from(checkInLinks)
    .innerJoin(schools, eq(schools.id, checkInLinks.schoolId))
    .innerJoin(hazardEvents, eq(hazardEvents.id, checkInLinks.eventId))
    .leftJoin(notifications, eq(notifications.id, checkInLinks.notificationId))
    .where(eq(checkInLinks.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export async function findCheckIn(on: Executor, eventId: string, schoolId: string): Promise<CheckInRow | undefined> {
  const rows = await on
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.eventId, eventId), eq(checkIns.schoolId, schoolId)))
    .limit(1);
  return rows[0];
}

/** The school's first answer; undefined when another arrived first (the caller then treats it as a change). */
export async function insertCheckIn(on: Executor, row: NewCheckInRow): Promise<CheckInRow | undefined> {
  const rows = await on.insert(checkIns).values(row).onConflictDoNothing().returning();
  return rows[0];
}

/**
 * Replaces the answer when it is still at `expectedVersion` (omit it to replace whatever is there); undefined
 * when someone changed it in between.
 */
export async function updateCheckIn(
  on: Executor,
  key: { eventId: string; schoolId: string; expectedVersion?: number },
  changes: Omit<NewCheckInRow, 'eventId' | 'schoolId' | 'version' | 'createdAt' | 'updatedAt'>,
): Promise<CheckInRow | undefined> {
  const where = [eq(checkIns.eventId, key.eventId), eq(checkIns.schoolId, key.schoolId)];
  if (key.expectedVersion !== undefined) where.push(eq(checkIns.version, key.expectedVersion));
  const rows = await on
    .update(checkIns)
    .set({ ...changes, version: sql`${checkIns.version} + 1`, updatedAt: sql`now()` })
    .where(and(...where))
    .returning();
  return rows[0];
}

export interface SmsRecipientMatch {
  eventId: string;
  schoolId: string;
  recipientKey: string;
}

/**
 * The school and event of the latest message sent on `channel` to `address` that concerns one school, of an
 * event that is not cancelled: an SMS reply answers for that school.
 */
export async function latestSchoolNotificationTo(on: Executor, channel: string, address: string): Promise<SmsRecipientMatch | undefined> {
  const rows = await on
    .select({ eventId: notifications.eventId, schoolId: notifications.schoolId, recipientKey: notifications.recipientKey })
    .from(notifications)
    .innerJoin(hazardEvents, eq(hazardEvents.id, notifications.eventId))
    .where(
      and(
        eq(notifications.channel, channel),
        eq(notifications.address, address),
        isNotNull(notifications.schoolId),
        ne(hazardEvents.status, 'cancelled'),
        sql`${hazardEvents.deletedAt} IS NULL`,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  const row = rows[0];
  return row && row.schoolId ? { eventId: row.eventId, schoolId: row.schoolId, recipientKey: row.recipientKey } : undefined;
}
