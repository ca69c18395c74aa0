import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { createJobQueue } from '../../jobs/create-job-queue.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { createMetrics } from '../../ops/metrics.js';
import { buildNotice, buildOutboxRows, outboxRow } from '../../testing/outbox-rows.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { deliverNotificationsJob } from './alert-jobs.js';
import { deliverDueNotifications } from './deliver-due-notifications.js';

let database: Database;
let jobs: JobQueue;
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const cfg = loadConfig({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ss-due-')), LOG_LEVEL: 'silent', JOBS: 'false' });
  jobs = createJobQueue(cfg, database, createMetrics());
  // Never started: the test reads the jobs the sweep leaves in pg-boss.
  jobs.register(deliverNotificationsJob, () => Promise.resolve());
  await jobs.prepare();
});
afterAll(async () => {
  await database.close();
});

async function waitingJobsFor(id: string): Promise<number> {
  const [row] = await database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'alerts.deliver' AND state = 'created' AND data -> 'notificationIds' @> to_jsonb(${id}::text)`,
  );
  return row!.n;
}

async function setState(id: string, state: string, updatedAt: Date): Promise<void> {
  await database.rows(sql`UPDATE notifications SET state = ${state}, updated_at = ${updatedAt.toISOString()}::timestamptz WHERE id = ${id}`);
}

describe('alerts.deliver-due', () => {
  it('makes a fallback due only after its time, and only when the earlier channel was not delivered', async () => {
    const t = new Date();
    const notice = await buildNotice(database);
    const due = new Date(t.getTime() + 10 * MINUTE);
    const [, mailA, , mailB] = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:a', channel: 'sms', address: '+919800000001', state: 'sent' },
      { recipientKey: 'user:a', channel: 'email', address: 'a@example.org', channelRank: 1, state: 'waiting', nextAttemptAt: due },
      { recipientKey: 'user:b', channel: 'sms', address: '+919800000002', state: 'delivered' },
      { recipientKey: 'user:b', channel: 'email', address: 'b@example.org', channelRank: 1, state: 'waiting', nextAttemptAt: due },
    ]);
    await deliverDueNotifications({ database, jobs }, new Date(t.getTime() + 5 * MINUTE));
    expect((await outboxRow(database, mailA!)).state).toBe('waiting');
    expect(await waitingJobsFor(mailA!)).toBe(0);

    const sweep = await deliverDueNotifications({ database, jobs }, new Date(t.getTime() + 11 * MINUTE));
    expect(sweep).toMatchObject({ fallbacks: 1, skipped: 1 });
    expect((await outboxRow(database, mailA!)).state).toBe('queued');
    expect(await waitingJobsFor(mailA!)).toBe(1);
    expect((await outboxRow(database, mailB!)).state).toBe('skipped');
  });

  it('returns rows left sending by a dead server to the queue after two minutes, with a job', async () => {
    const now = new Date();
    const notice = await buildNotice(database);
    const [stuck, busy] = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:s', channel: 'email', address: 's@example.org' },
      { recipientKey: 'user:t', channel: 'email', address: 't@example.org' },
    ]);
    await setState(stuck!, 'sending', new Date(now.getTime() - 3 * MINUTE));
    await setState(busy!, 'sending', new Date(now.getTime() - 30_000));
    const sweep = await deliverDueNotifications({ database, jobs }, now);
    expect(sweep.resumed).toBe(1);
    expect(await outboxRow(database, stuck!)).toMatchObject({ state: 'queued', last_error_code: 'SEND_INTERRUPTED' });
    expect(await waitingJobsFor(stuck!)).toBe(1);
    // A send still in flight on a live server is left alone.
    expect((await outboxRow(database, busy!)).state).toBe('sending');
  });

  it('returns rows claimed by an instance that is gone to the queue at once, and leaves its own', async () => {
    const now = new Date();
    const notice = await buildNotice(database);
    const [orphan, mine] = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:o', channel: 'email', address: 'o@example.org' },
      { recipientKey: 'user:p', channel: 'email', address: 'p@example.org' },
    ]);
    await setState(orphan!, 'sending', now);
    await setState(mine!, 'sending', now);
    await database.rows(sql`UPDATE notifications SET claimed_by = 'gone-instance' WHERE id = ${orphan!}`);
    await database.rows(sql`UPDATE notifications SET claimed_by = ${database.instanceId} WHERE id = ${mine!}`);
    const sweep = await deliverDueNotifications({ database, jobs }, now);
    expect(sweep.resumed).toBe(1);
    expect(await outboxRow(database, orphan!)).toMatchObject({ state: 'queued', last_error_code: 'SEND_INTERRUPTED' });
    expect(await waitingJobsFor(orphan!)).toBe(1);
    expect((await outboxRow(database, mine!)).state).toBe('sending');
  });

  it('gives due queued rows whose job was lost a job, once', async () => {
    const now = new Date();
    const notice = await buildNotice(database);
    const [lost, later] = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:l', channel: 'email', address: 'l@example.org' },
      { recipientKey: 'user:m', channel: 'email', address: 'm@example.org', nextAttemptAt: new Date(now.getTime() + 5 * MINUTE) },
    ]);
    await deliverDueNotifications({ database, jobs }, now);
    expect(await waitingJobsFor(lost!)).toBe(1);
    expect(await waitingJobsFor(later!)).toBe(0);
    await deliverDueNotifications({ database, jobs }, now);
    expect(await waitingJobsFor(lost!)).toBe(1);
  });
});
