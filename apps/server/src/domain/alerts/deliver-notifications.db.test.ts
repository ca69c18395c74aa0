import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../channels/channel.js';
import { loadConfig } from '../../config/config.js';
import type { Database } from '../../db/database.js';
import { createJobQueue } from '../../jobs/create-job-queue.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { createMetrics } from '../../ops/metrics.js';
import { attemptsOf, buildNotice, buildOutboxRows, outboxRow } from '../../testing/outbox-rows.js';
import { ScriptedAdapter, scriptedChannels, VirtualClock } from '../../testing/scripted-channels.js';
import { createTestDatabase } from '../../testing/test-database.js';
import { deliverNotifications, type DeliveryDeps } from './deliver-notifications.js';
import { deliverNotificationsJob } from './alert-jobs.js';
import { BACKOFF_BASE_MS, MAX_SEND_ATTEMPTS } from './delivery-policy.js';

let database: Database;
let jobs: JobQueue;
const config = { SMS_DLT_TEMPLATES: { alert: '1107000000000000001' }, WHATSAPP_TEMPLATE: undefined };
const never = new AbortController().signal;

beforeAll(async () => {
  database = await createTestDatabase();
  const cfg = loadConfig({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ss-deliver-')), LOG_LEVEL: 'silent', JOBS: 'false' });
  jobs = createJobQueue(cfg, database, createMetrics());
  // The queue is never started: tests run the handler themselves and read the jobs it leaves in pg-boss.
  jobs.register(deliverNotificationsJob, () => Promise.resolve());
  await jobs.prepare();
});
afterAll(async () => {
  await database.close();
});

let n = 0;
const addr = (name: string) => `${name}-${(n += 1)}@example.org`;
const phone = () => `+9198${String(10_000_000 + (n += 1)).slice(-8)}`;

function deps(adapters: ScriptedAdapter[], clock: VirtualClock, random = () => 0.5): DeliveryDeps {
  return { database, jobs, channels: scriptedChannels(adapters, clock), config, clock: () => clock.date(), random };
}

/** Start times (ms) of the waiting delivery jobs that name `id`. */
async function jobsFor(id: string): Promise<number[]> {
  const rows = await database.rows<{ start_after: Date }>(
    sql`SELECT start_after FROM pgboss.job WHERE name = 'alerts.deliver' AND state = 'created' AND data -> 'notificationIds' @> to_jsonb(${id}::text)`,
  );
  return rows.map((r) => new Date(r.start_after).getTime());
}

const delivered = (provider = 'smtp'): SendOutcome => ({ kind: 'sent', provider, providerMessageId: null, delivered: true });

describe('alerts.deliver', () => {
  it('sends queued rows once, records each attempt, and skips a delivered person’s fallback channel', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const [a, b, s] = [addr('a'), addr('b'), phone()];
    let sid = 0;
    const email = new ScriptedAdapter('email', 'smtp', () => delivered());
    const sms = new ScriptedAdapter('sms', 'twilio', () => ({ kind: 'sent', provider: 'twilio', providerMessageId: `SM${(sid += 1)}-${s}`, delivered: false, httpStatus: 201 }));
    const ids = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:a', channel: 'email', address: a },
      { recipientKey: 'user:a', channel: 'sms', address: phone(), channelRank: 1, state: 'waiting', nextAttemptAt: new Date(clock.now() + 600_000) },
      { recipientKey: 'user:b', channel: 'email', address: b },
      { recipientKey: 'contact:x:focal', channel: 'sms', address: s },
    ]);
    const report = await deliverNotifications(deps([email, sms], clock), { notificationIds: ids }, never);
    expect(report).toEqual({ sent: 1, delivered: 2, retried: 0, failed: 0, notSent: 0, optedOut: 0 });

    expect(await outboxRow(database, ids[0]!)).toMatchObject({ state: 'delivered', attempts: 1, provider: 'smtp' });
    expect((await outboxRow(database, ids[1]!)).state).toBe('skipped');
    expect(await outboxRow(database, ids[3]!)).toMatchObject({ state: 'sent', provider: 'twilio', provider_message_id: `SM1-${s}` });
    expect(await attemptsOf(database, ids[3]!)).toEqual([{ outcome: 'sent', provider_message_id: `SM1-${s}`, error_code: null, http_status: 201 }]);
    // The message carries the row id (Message-ID / client reference) and the notice kind's DLT template.
    expect(email.calls.find((c) => c.to === a)?.notificationId).toBe(ids[0]);
    expect(sms.calls[0]?.dltTemplateId).toBe('1107000000000000001');

    // The same job again (pg-boss may run a job twice) sends nothing.
    await deliverNotifications(deps([email, sms], clock), { notificationIds: ids }, never);
    expect(email.calls).toHaveLength(2);
    expect(sms.calls).toHaveLength(1);
  });

  it('two jobs naming the same rows at once send each row once', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const addresses = Array.from({ length: 12 }, () => addr('c'));
    const email = new ScriptedAdapter('email', 'smtp', () => delivered());
    const ids = await buildOutboxRows(database, notice, addresses.map((address, i) => ({ recipientKey: `user:c${i}`, channel: 'email', address })));
    await Promise.all([
      deliverNotifications(deps([email], clock), { notificationIds: ids }, never),
      deliverNotifications(deps([email], clock), { notificationIds: [...ids].reverse() }, never),
    ]);
    for (const address of addresses) expect(email.callsTo(address)).toBe(1);
  });

  it('a 429 storm: Retry-After is honoured, the channel pauses, and each person gets the message once', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const numbers = [phone(), phone(), phone()];
    const sms = new ScriptedAdapter('sms', 'twilio', (m, nth) =>
      nth <= 2
        ? { kind: 'retry', provider: 'twilio', code: 'HTTP_429', message: 'Too Many Requests', retryAfterMs: 30_000, httpStatus: 429 }
        : { kind: 'sent', provider: 'twilio', providerMessageId: `SM-${m.notificationId}`, delivered: false, httpStatus: 201 },
    );
    const ids = await buildOutboxRows(database, notice, numbers.map((address, i) => ({ recipientKey: `contact:s${i}:focal`, channel: 'sms', address })));
    const d = deps([sms], clock);
    const t0 = clock.now();
    const realStart = Date.now();
    const first = await deliverNotifications(d, { notificationIds: ids }, never);
    expect(first.retried).toBe(3);
    for (const id of ids) {
      const row = await outboxRow(database, id);
      expect(row).toMatchObject({ state: 'queued', attempts: 1, last_error_code: 'HTTP_429' });
      expect(new Date(row.next_attempt_at!).getTime()).toBe(t0 + 30_000);
      // A job is waiting for it, not before the provider said (pg-boss counts in whole seconds of real time).
      expect((await jobsFor(id)).some((at) => at >= realStart + 29_000)).toBe(true);
    }
    // The whole channel is paused: the next token only comes after Retry-After.
    expect(d.channels.bucket('sms').pausedForMs()).toBe(30_000);

    // Run early (a duplicate job): nothing is due, nothing is sent.
    await deliverNotifications(d, { notificationIds: ids }, never);
    expect(sms.calls).toHaveLength(3);

    clock.advance(30_000);
    await deliverNotifications(d, { notificationIds: ids }, never);
    clock.advance(30_000);
    const last = await deliverNotifications(d, { notificationIds: ids }, never);
    expect(last.sent).toBe(3);
    for (const [i, id] of ids.entries()) {
      expect(sms.callsTo(numbers[i]!)).toBe(3);
      expect((await outboxRow(database, id)).state).toBe('sent');
      const outcomes = (await attemptsOf(database, id)).map((a) => a.outcome);
      expect(outcomes).toEqual(['retry', 'retry', 'sent']);
    }
    // Once sent, another run changes nothing.
    clock.advance(60_000);
    await deliverNotifications(d, { notificationIds: ids }, never);
    expect(sms.calls).toHaveLength(9);
  });

  it('a 500 storm: exponential backoff, then failed after the last attempt, and the next channel is due', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const number = phone();
    const fallback = addr('fb');
    const sms = new ScriptedAdapter('sms', 'webhook', () => ({ kind: 'retry', provider: 'webhook', code: 'HTTP_503', message: 'Service Unavailable', httpStatus: 503 }));
    const email = new ScriptedAdapter('email', 'smtp', () => delivered());
    const [smsId, emailId] = await buildOutboxRows(database, notice, [
      { recipientKey: 'contact:z:head', channel: 'sms', address: number },
      { recipientKey: 'contact:z:head', channel: 'email', address: fallback, channelRank: 1, state: 'waiting', nextAttemptAt: new Date(clock.now() + 3_600_000) },
    ]);
    const d = deps([sms, email], clock, () => 1);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const before = clock.now();
      await deliverNotifications(d, { notificationIds: [smsId!] }, never);
      const row = await outboxRow(database, smsId!);
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_SEND_ATTEMPTS) {
        expect(row.state).toBe('queued');
        const wait = new Date(row.next_attempt_at!).getTime() - before;
        waits.push(wait);
        // Run before it is due: not sent.
        await deliverNotifications(d, { notificationIds: [smsId!] }, never);
        expect(sms.calls).toHaveLength(attempt);
        clock.advance(wait);
      }
    }
    expect(waits[0]).toBe(BACKOFF_BASE_MS);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[3]).toBe(BACKOFF_BASE_MS * 8);
    expect(await outboxRow(database, smsId!)).toMatchObject({ state: 'failed', last_error_code: 'HTTP_503_TOO_MANY_ATTEMPTS' });
    const outcomes = (await attemptsOf(database, smsId!)).map((a) => a.outcome);
    expect(outcomes).toEqual([...Array<string>(MAX_SEND_ATTEMPTS - 1).fill('retry'), 'failed']);
    // The e-mail fallback is due now, with a job, long before its fallback time.
    expect((await outboxRow(database, emailId!)).state).toBe('queued');
    expect(await jobsFor(emailId!)).toHaveLength(1);
    await deliverNotifications(d, { notificationIds: [emailId!] }, never);
    expect(email.callsTo(fallback)).toBe(1);
    // The failed SMS is never tried again.
    clock.advance(3_600_000);
    await deliverNotifications(d, { notificationIds: [smsId!] }, never);
    expect(sms.calls).toHaveLength(MAX_SEND_ATTEMPTS);
  });

  it('SMTP 4xx is retried, SMTP 5xx fails at once and is not retried', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const [busy, gone] = [addr('busy'), addr('gone')];
    const email = new ScriptedAdapter('email', 'smtp', (m) =>
      m.to === busy
        ? { kind: 'retry', provider: 'smtp', code: 'SMTP_451', message: '451 4.3.0 Try again later' }
        : { kind: 'failed', provider: 'smtp', code: 'SMTP_550', message: '550 5.1.1 No such user' },
    );
    const ids = await buildOutboxRows(database, notice, [
      { recipientKey: 'user:busy', channel: 'email', address: busy },
      { recipientKey: 'user:gone', channel: 'email', address: gone },
    ]);
    const report = await deliverNotifications(deps([email], clock), { notificationIds: ids }, never);
    expect(report).toMatchObject({ retried: 1, failed: 1 });
    expect(await outboxRow(database, ids[0]!)).toMatchObject({ state: 'queued', last_error_code: 'SMTP_451' });
    expect(await outboxRow(database, ids[1]!)).toMatchObject({ state: 'failed', last_error_code: 'SMTP_550' });
    expect(await attemptsOf(database, ids[1]!)).toEqual([{ outcome: 'failed', provider_message_id: null, error_code: 'SMTP_550', http_status: null }]);
    expect(await jobsFor(ids[1]!)).toHaveLength(0);
    clock.advance(3_600_000);
    await deliverNotifications(deps([email], clock), { notificationIds: ids }, never);
    expect(email.callsTo(busy)).toBe(2);
    expect(email.callsTo(gone)).toBe(1);
  });

  it('rows of a channel no longer configured are kept as not sent for the outbox viewer', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const ids = await buildOutboxRows(database, notice, [{ recipientKey: 'user:wa', channel: 'whatsapp', address: phone() }]);
    const report = await deliverNotifications(deps([], clock), { notificationIds: ids }, never);
    expect(report.notSent).toBe(1);
    expect((await outboxRow(database, ids[0]!)).state).toBe('not_sent');
  });

  it('an address that opted out after the fan-out is not sent to; the person’s next channel becomes due', async () => {
    const clock = new VirtualClock();
    const notice = await buildNotice(database);
    const number = phone();
    await database.rows(sql`INSERT INTO channel_opt_outs (channel, address, source) VALUES ('sms', ${number}, 'sms-stop')`);
    const sms = new ScriptedAdapter('sms', 'twilio', () => ({ kind: 'sent', provider: 'twilio', providerMessageId: 'SM-x', delivered: false }));
    const [smsId, mailId] = await buildOutboxRows(database, notice, [
      { recipientKey: 'contact:o:focal', channel: 'sms', address: number },
      { recipientKey: 'contact:o:focal', channel: 'email', address: addr('o'), channelRank: 1, state: 'waiting', nextAttemptAt: new Date(clock.now() + 600_000) },
    ]);
    const report = await deliverNotifications(deps([sms], clock), { notificationIds: [smsId!] }, never);
    expect(report.optedOut).toBe(1);
    expect(sms.calls).toHaveLength(0);
    expect((await outboxRow(database, smsId!)).state).toBe('opted_out');
    expect((await outboxRow(database, mailId!)).state).toBe('queued');
    expect(await jobsFor(mailId!)).toHaveLength(1);
  });
});
