import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.js';
import { checkInLinks, eventNotices, hazardEvents, hazardEventSchools, notifications } from '../db/schema.js';
import { hashSecret } from '../domain/auth/secrets.js';

/** An event with the given schools affected (band 1 unless said), as the impact engine would have written it. */
export async function buildAlertEvent(
  database: Database,
  input: { title?: string; status?: string; schools: { id: string; districtId?: string; band?: number }[] },
): Promise<{ id: string; noticeId: string }> {
  const id = uuidv7();
  await database.db.insert(hazardEvents).values({ id, kind: 'cap', title: input.title ?? 'Cyclone warning', status: input.status ?? 'actual', imt: 'INSIDE', bands: [1], computedAt: new Date() });
  if (input.schools.length) {
    await database.db
      .insert(hazardEventSchools)
      .values(input.schools.map((s) => ({ eventId: id, schoolId: s.id, districtId: s.districtId ?? null, intensity: 1, band: s.band ?? 1 })));
  }
  const noticeId = uuidv7();
  await database.db.insert(eventNotices).values({ id: noticeId, eventId: id, kind: 'alert', contentKey: `alert:${noticeId}` });
  return { id, noticeId };
}

/**
 * One outbox row to a school's person and, unless `link: false`, its check-in link (as the fan-out writes them);
 * returns the link's token, which only the message carries.
 */
export async function buildCheckInLink(
  database: Database,
  input: {
    event: { id: string; noticeId: string };
    schoolId: string;
    language?: 'en' | 'hi' | 'ja';
    channel?: 'email' | 'sms' | 'whatsapp';
    address?: string;
    state?: string;
    recipientKey?: string;
    createdAt?: Date;
    expiresAt?: Date;
  },
): Promise<{ token: string; notificationId: string; recipientKey: string }> {
  const token = randomBytes(32).toString('base64url');
  const notificationId = uuidv7();
  const recipientKey = input.recipientKey ?? `contact:${input.schoolId}:focal`;
  const createdAt = input.createdAt ?? new Date();
  await database.db.insert(notifications).values({
    id: notificationId,
    noticeId: input.event.noticeId,
    eventId: input.event.id,
    schoolId: input.schoolId,
    recipientKey,
    audience: 'focal_point',
    language: input.language ?? 'en',
    channel: input.channel ?? 'email',
    address: input.address ?? `${notificationId}@example.org`,
    body: 'Check in',
    state: input.state ?? 'sent',
    createdAt,
  });
  await database.db.insert(checkInLinks).values({
    tokenHash: hashSecret(token),
    eventId: input.event.id,
    schoolId: input.schoolId,
    recipientKey,
    notificationId,
    createdAt,
    expiresAt: input.expiresAt ?? new Date(createdAt.getTime() + 14 * 86_400_000),
  });
  return { token, notificationId, recipientKey };
}
