import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { buildEvent, channelsFor, recordingJobs } from '../../testing/alert-fixtures.js';
import { hashSecret } from '../auth/secrets.js';
import type { AlertRecipient } from './alert-recipient.js';
import { createNotice } from './create-notice.js';
import { fanOutNotice, type FanOutDeps } from './fan-out-notice.js';
import { systemActor } from '../shared/context.js';

let database: Database;
let schools: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const country = await buildArea(database, { name: 'Country', level: 'country' });
  schools = [];
  for (let i = 0; i < 7; i++) schools.push((await buildSchool(database, { area: country, name: `School ${i}` })).id);
});
afterAll(() => database.close());

function recipients(): AlertRecipient[] {
  return schools.map((schoolId, i) => ({
    key: `contact:${schoolId}:head`,
    userId: null,
    schoolId,
    districtId: null,
    audience: 'head_teacher',
    name: `Head ${i}`,
    language: 'en',
    band: 2,
    channels: [
      { channel: 'email', address: `head${i}@example.org` },
      { channel: 'sms', address: `+9198123456${String(i).padStart(2, '0')}` },
    ],
    compose: (link) => ({ subject: `About school ${i}`, body: `Answer here: ${link}`, sms: `Answer ${link}` }),
  }));
}

async function setUp() {
  const jobs = recordingJobs();
  const deps: FanOutDeps = {
    database,
    jobs,
    channels: channelsFor(['email', 'sms']),
    config: { PUBLIC_URL: undefined, HOST: '127.0.0.1', PORT: 8080, ALERT_FALLBACK_MINUTES: 15 },
  };
  const event = await buildEvent(database, { schools: schools.map((schoolId) => ({ schoolId, band: 2 })) });
  const now = new Date('2026-12-08T10:00:00Z');
  const notice = await createNotice(
    { database, tx: database.db, actor: systemActor, requestId: 'test', now },
    { eventId: event.id, kind: 'manual', ruleId: null, contentKey: 'manual:test', createdBy: null, messages: {} },
  );
  return { jobs, deps, event, notice, now };
}

const rowsOf = (noticeId: string) =>
  database.rows<{
    id: string;
    recipient_key: string;
    channel: string;
    channel_rank: number;
    state: string;
    body: string;
    next_attempt_at: Date | null;
  }>(
    sql`SELECT id, recipient_key, channel, channel_rank, state, body, next_attempt_at FROM notifications WHERE notice_id = ${noticeId} ORDER BY recipient_key, channel_rank`,
  );

describe('fanOutNotice', () => {
  it('writes rows, links and delivery jobs; a second run writes and queues nothing', async () => {
    const { jobs, deps, event, notice, now } = await setUp();
    const first = await fanOutNotice(deps, {
      noticeId: notice.id,
      eventId: event.id,
      recipients: recipients(),
      now,
      batchSize: 3,
    });
    expect(first).toMatchObject({ written: 7, rows: 14, queued: 7, optedOut: 0, notSent: 0, deliveryJobs: 3 });
    const rows = await rowsOf(notice.id);
    expect(rows.filter((r) => r.state === 'queued').every((r) => r.channel === 'email' && r.channel_rank === 0)).toBe(true);
    const waiting = rows.filter((r) => r.state === 'waiting');
    expect(waiting).toHaveLength(7);
    expect(waiting.every((r) => new Date(r.next_attempt_at!).getTime() === now.getTime() + 15 * 60_000)).toBe(true);
    // Links use HOST:PORT without PUBLIC_URL; only the token's SHA-256 is stored, for 14 days, tied to the first row.
    const email = rows.find((r) => r.channel === 'email')!;
    const token = /\/c\/([A-Za-z0-9_-]+)/.exec(email.body)![1]!;
    expect(email.body).toContain('http://127.0.0.1:8080/c/');
    expect(token.length).toBeGreaterThanOrEqual(43);
    const link = await database.rows<{ notification_id: string; expires_at: Date }>(
      sql`SELECT notification_id, expires_at FROM check_in_links WHERE token_hash = ${hashSecret(token)}`,
    );
    expect(link[0]!.notification_id).toBe(email.id);
    expect(new Date(link[0]!.expires_at).getTime()).toBe(now.getTime() + 14 * 86_400_000);
    const unsubscribe = /\/u\/([A-Za-z0-9_-]+)\s*$/.exec(email.body)![1]!;
    expect(
      await database.rows(
        sql`SELECT 1 FROM opt_out_links WHERE token_hash = ${hashSecret(unsubscribe)} AND address = 'head0@example.org'`,
      ),
    ).toHaveLength(1);
    const queuedIds = jobs.enqueued.flatMap((j) => (j.payload as { notificationIds: string[] }).notificationIds).sort();
    expect(queuedIds).toEqual(
      rows
        .filter((r) => r.state === 'queued')
        .map((r) => r.id)
        .sort(),
    );
    expect(
      (
        await database.rows<{ state: string; recipients: number }>(
          sql`SELECT state, recipients FROM event_notices WHERE id = ${notice.id}`,
        )
      )[0],
    ).toEqual({ state: 'queued', recipients: 7 });

    jobs.enqueued.length = 0;
    const second = await fanOutNotice(deps, {
      noticeId: notice.id,
      eventId: event.id,
      recipients: recipients(),
      now,
      batchSize: 3,
    });
    expect(second).toMatchObject({ written: 0, rows: 0, queued: 0, deliveryJobs: 0 });
    expect(jobs.enqueued).toHaveLength(0);
    const after = await rowsOf(notice.id);
    expect(after.map((r) => [r.id, r.body])).toEqual(rows.map((r) => [r.id, r.body]));
    expect(await database.rows(sql`SELECT 1 FROM check_in_links WHERE event_id = ${event.id}`)).toHaveLength(7);
  });

  it('resumes a fan-out that died after its first batch, writing each recipient once', async () => {
    const { jobs, deps, event, notice, now } = await setUp();
    const all = recipients();
    // A crash after one committed batch: the first three recipients are written, the notice still pending.
    await fanOutNotice(deps, { noticeId: notice.id, eventId: event.id, recipients: all.slice(0, 3), now, batchSize: 3 });
    await database.db.execute(sql`UPDATE event_notices SET state = 'pending' WHERE id = ${notice.id}`);
    const resumed = await fanOutNotice(deps, { noticeId: notice.id, eventId: event.id, recipients: all, now, batchSize: 3 });
    expect(resumed.written).toBe(4);
    const rows = await rowsOf(notice.id);
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((r) => `${r.recipient_key} ${r.channel}`)).size).toBe(14);
    const queuedIds = jobs.enqueued.flatMap((j) => (j.payload as { notificationIds: string[] }).notificationIds);
    expect(new Set(queuedIds).size).toBe(queuedIds.length);
    expect(queuedIds).toHaveLength(7);
  });

  it('a batch is all or nothing: a failure rolls back its rows, links and jobs', async () => {
    const { deps, event, notice, now } = await setUp();
    const broken = recipients();
    broken[5] = { ...broken[5]!, language: 'xx' as 'en' };
    await expect(
      fanOutNotice(deps, { noticeId: notice.id, eventId: event.id, recipients: broken, now, batchSize: 3 }),
    ).rejects.toThrow();
    const keys = new Set((await rowsOf(notice.id)).map((r) => r.recipient_key));
    expect(keys.size).toBe(3);
    expect(await database.rows(sql`SELECT 1 FROM check_in_links WHERE event_id = ${event.id}`)).toHaveLength(3);
    expect((await database.rows<{ state: string }>(sql`SELECT state FROM event_notices WHERE id = ${notice.id}`))[0]!.state).toBe(
      'pending',
    );
  });
});
