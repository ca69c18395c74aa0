import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { buildAlertEvent, buildCheckInLink } from '../../testing/check-in-factories.js';
import { AuditTrail } from '../shared/audit.js';
import { answerCheckInBySms } from './answer-check-in-by-sms.js';

let database: Database;
let area: { id: string; path: string[] };
let n = 0;
const phone = () => `+9198100${String((n += 1)).padStart(5, '0')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  area = await buildArea(database, { name: 'Gangtok', level: 'district' });
});
afterAll(() => database.close());

function reply(from: string, text: string, channel: 'sms' | 'whatsapp' = 'sms') {
  return database.db.transaction(async (tx) => {
    const trail = new AuditTrail();
    const ctx = { database, tx, actor: null, requestId: 'test', now: new Date(), trail };
    const result = await answerCheckInBySms(ctx, { from, text, channel, now: ctx.now });
    return { result, audits: trail.count };
  });
}

async function answerOf(eventId: string, schoolId: string) {
  return database.rows<{ status: string; via: string; answered_by: string; injured: number | null; version: number }>(
    sql`SELECT status, via, answered_by, injured, version FROM check_ins WHERE event_id = ${eventId} AND school_id = ${schoolId}`,
  );
}

describe('answerCheckInBySms', () => {
  it("records SAFE for the school of the latest message to that number, and audits it", async () => {
    const number = phone();
    const older = await buildSchool(database, { area });
    const school = await buildSchool(database, { area });
    const first = await buildAlertEvent(database, { schools: [{ id: older.id }] });
    const latest = await buildAlertEvent(database, { schools: [{ id: school.id }] });
    await buildCheckInLink(database, { event: first, schoolId: older.id, channel: 'sms', address: number, createdAt: new Date(Date.now() - 60_000) });
    const { recipientKey } = await buildCheckInLink(database, { event: latest, schoolId: school.id, channel: 'sms', address: number });
    const { result, audits } = await reply(number, 'SAFE');
    expect(result).toEqual({ recorded: true, eventId: latest.id, schoolId: school.id, status: 'all_safe' });
    expect(audits).toBe(1);
    expect(await answerOf(latest.id, school.id)).toEqual([{ status: 'all_safe', via: 'sms', answered_by: recipientKey, injured: null, version: 1 }]);
    expect(await answerOf(first.id, older.id)).toEqual([]);
  });

  it('reads Hindi and Japanese replies, changes the status and keeps counts given before', async () => {
    const number = phone();
    const school = await buildSchool(database, { area });
    const event = await buildAlertEvent(database, { schools: [{ id: school.id }] });
    await buildCheckInLink(database, { event, schoolId: school.id, channel: 'sms', address: number, language: 'hi' });
    expect((await reply(number, 'घायल')).result.status).toBe('some_injured');
    await database.rows(sql`UPDATE check_ins SET injured = 3 WHERE event_id = ${event.id}`);
    expect((await reply(number, 'मदद')).result).toMatchObject({ recorded: true, status: 'need_help' });
    expect(await answerOf(event.id, school.id)).toEqual([expect.objectContaining({ status: 'need_help', injured: 3, version: 2 })]);
    expect((await reply(number, '安全')).result.status).toBe('all_safe');
  });

  it('records nothing for a word that is no answer, an unknown number, another channel, or a cancelled event', async () => {
    const number = phone();
    const school = await buildSchool(database, { area });
    const event = await buildAlertEvent(database, { schools: [{ id: school.id }] });
    await buildCheckInLink(database, { event, schoolId: school.id, channel: 'sms', address: number });
    expect(await reply(number, 'STOP')).toEqual({ result: { recorded: false }, audits: 0 });
    expect((await reply(phone(), 'SAFE')).result).toEqual({ recorded: false });
    expect((await reply(number, 'SAFE', 'whatsapp')).result).toEqual({ recorded: false });
    const cancelledNumber = phone();
    const cancelled = await buildAlertEvent(database, { status: 'cancelled', schools: [{ id: school.id }] });
    await buildCheckInLink(database, { event: cancelled, schoolId: school.id, channel: 'sms', address: cancelledNumber });
    expect((await reply(cancelledNumber, 'HELP')).result).toEqual({ recorded: false });
    expect(await answerOf(event.id, school.id)).toEqual([]);
  });
});
