import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../channels/webhook-sms-channel.js';
import { whatsAppSignature } from '../../channels/provider-callbacks.js';
import type { SignedRequest } from '../../testing/fakes/fake-server.js';
import { startTwilioFake, type TwilioFake } from '../../testing/fakes/twilio-fake.js';
import { buildArea, buildSchool } from '../../testing/factories.js';
import { attemptsOf, buildNotice, buildOutboxRows, outboxRow } from '../../testing/outbox-rows.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

const PUBLIC_URL = 'https://safeschools.example.org';
const WEBHOOK_SECRET = 'a-webhook-secret-of-length';
const WA_SECRET = 'whatsapp-app-secret';
let t: TestApp;
let twilio: TwilioFake;

beforeAll(async () => {
  twilio = await startTwilioFake();
  t = await createTestApp({
    env: {
      PUBLIC_URL,
      SMS_PROVIDER: 'twilio',
      TWILIO_BASE_URL: twilio.baseUrl,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: '+15005550006',
      SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      WHATSAPP_PHONE_NUMBER_ID: '1234567890',
      WHATSAPP_TOKEN: 'wa-token',
      WHATSAPP_APP_SECRET: WA_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'wa-verify',
      WHATSAPP_TEMPLATE: 'school_alert',
    },
  });
});
afterAll(async () => {
  await t.close();
  await twilio.close();
});

/** A signed request as a provider would make it, sent to the app in-process. */
function send(request: SignedRequest) {
  const url = new URL(request.url);
  return t.app.inject({ method: request.method, url: `${url.pathname}${url.search}`, headers: request.headers, payload: request.body });
}

let seq = 0;
async function sentSms(state = 'sent'): Promise<{ id: string; sid: string; fallbackId: string }> {
  const notice = await buildNotice(t.database);
  const sid = `SM${String((seq += 1)).padStart(32, '0')}`;
  const [id, fallbackId] = await buildOutboxRows(t.database, notice, [
    { recipientKey: `contact:${sid}:focal`, channel: 'sms', address: `+9198100${String(seq).padStart(5, '0')}`, state },
    { recipientKey: `contact:${sid}:focal`, channel: 'email', address: `${sid}@example.org`, channelRank: 1, state: 'waiting', nextAttemptAt: new Date(Date.now() + 600_000) },
  ]);
  await t.database.rows(sql`UPDATE notifications SET provider = 'twilio', provider_message_id = ${sid} WHERE id = ${id!}`);
  return { id: id!, sid, fallbackId: fallbackId! };
}

const statusUrl = `${PUBLIC_URL}/api/v1/hooks/twilio/status`;
const inboundUrl = `${PUBLIC_URL}/api/v1/hooks/twilio/inbound`;

async function attemptCount(): Promise<number> {
  const [row] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notification_attempts`);
  return row!.n;
}

describe('provider status callbacks', () => {
  it('move a row forward only: delivered, then a late "sent", stays delivered; each is recorded', async () => {
    const row = await sentSms();
    expect((await send(twilio.statusCallback(row.sid, 'delivered', { url: statusUrl }))).statusCode).toBe(200);
    expect((await outboxRow(t.database, row.id)).state).toBe('delivered');
    // The person was reached: the e-mail fallback is not needed.
    expect((await outboxRow(t.database, row.fallbackId)).state).toBe('skipped');
    expect((await send(twilio.statusCallback(row.sid, 'sent', { url: statusUrl }))).statusCode).toBe(200);
    expect((await send(twilio.statusCallback(row.sid, 'undelivered', { url: statusUrl, errorCode: '30003' }))).statusCode).toBe(200);
    expect((await outboxRow(t.database, row.id)).state).toBe('delivered');
    expect((await attemptsOf(t.database, row.id)).map((a) => a.outcome)).toEqual(['status', 'status', 'status']);
    expect((await send(twilio.statusCallback(row.sid, 'read', { url: statusUrl }))).statusCode).toBe(200);
    expect((await outboxRow(t.database, row.id)).state).toBe('read');
  });

  it('a failed status before delivery fails the row and makes the next channel due at once', async () => {
    const row = await sentSms();
    await send(twilio.statusCallback(row.sid, 'undelivered', { url: statusUrl, errorCode: '30005' }));
    expect(await outboxRow(t.database, row.id)).toMatchObject({ state: 'failed', last_error_code: 'TWILIO_30005' });
    expect((await outboxRow(t.database, row.fallbackId)).state).toBe('queued');
    // A delivered callback arriving after the failure does not undo it.
    await send(twilio.statusCallback(row.sid, 'delivered', { url: statusUrl }));
    expect((await outboxRow(t.database, row.id)).state).toBe('failed');
  });

  it('a forged or missing signature is a 401 problem and nothing is written', async () => {
    const row = await sentSms();
    const before = await attemptCount();
    const signed = twilio.statusCallback(row.sid, 'delivered', { url: statusUrl });
    const forged = await send({ ...signed, headers: { ...signed.headers, 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(forged.json<{ code: string }>().code).toBe('HOOK_SIGNATURE_INVALID');
    // Signed for another URL (a replay against another path) fails too.
    const elsewhere = twilio.statusCallback(row.sid, 'delivered', { url: `${PUBLIC_URL}/api/v1/hooks/twilio/other` });
    expect((await send({ ...elsewhere, url: statusUrl })).statusCode).toBe(401);
    const { 'x-twilio-signature': _dropped, ...unsigned } = signed.headers;
    expect((await send({ ...signed, headers: unsigned })).statusCode).toBe(401);
    expect((await outboxRow(t.database, row.id)).state).toBe('sent');
    expect(await attemptCount()).toBe(before);
  });

  it('a callback about a message nobody sent is answered 200 and writes nothing', async () => {
    const before = await attemptCount();
    const response = await send(twilio.statusCallback('SM-not-ours', 'delivered', { url: statusUrl }));
    expect(response.statusCode).toBe(200);
    expect(await attemptCount()).toBe(before);
  });

  it('the webhook gateway: signed JSON with a fresh timestamp; a stale one is refused', async () => {
    const row = await sentSms();
    await t.database.rows(sql`UPDATE notifications SET provider = 'webhook' WHERE id = ${row.id}`);
    const body = JSON.stringify({ messageId: row.sid, status: 'delivered' });
    const post = (timestamp: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/hooks/webhook/status',
        headers: { 'content-type': 'application/json', 'x-safeschools-timestamp': timestamp, 'x-safeschools-signature': signWebhookBody(WEBHOOK_SECRET, timestamp, body) },
        payload: body,
      });
    expect((await post(String(Math.floor(Date.now() / 1000) - 3600))).statusCode).toBe(401);
    expect((await outboxRow(t.database, row.id)).state).toBe('sent');
    expect((await post(String(Math.floor(Date.now() / 1000)))).statusCode).toBe(200);
    expect((await outboxRow(t.database, row.id)).state).toBe('delivered');
  });

  it('WhatsApp: the subscription challenge, and a signed status on its one URL', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=wa-verify&hub.challenge=12345' });
    expect([ok.statusCode, ok.body]).toEqual([200, '12345']);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345' });
    expect(wrong.statusCode).toBe(403);

    const row = await sentSms();
    await t.database.rows(sql`UPDATE notifications SET provider = 'whatsapp-cloud', channel = 'whatsapp' WHERE id = ${row.id}`);
    const body = JSON.stringify({ entry: [{ changes: [{ value: { statuses: [{ id: row.sid, status: 'read', timestamp: '1700000000' }] } }] }] });
    const post = (signature: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/hooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, payload: body });
    expect((await post(whatsAppSignature('not-the-secret', body))).statusCode).toBe(401);
    expect((await outboxRow(t.database, row.id)).state).toBe('sent');
    expect((await post(whatsAppSignature(WA_SECRET, body))).statusCode).toBe(200);
    expect((await outboxRow(t.database, row.id)).state).toBe('read');
  });
});

describe('inbound replies', () => {
  it('STOP opts the number out of SMS (audited) and answers empty TwiML', async () => {
    const from = '+919812300001';
    const response = await send(twilio.inbound(inboundUrl, { from, body: 'STOP' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/xml/);
    expect(response.body).toContain('<Response></Response>');
    const rows = await t.database.rows<{ source: string }>(sql`SELECT source FROM channel_opt_outs WHERE channel = 'sms' AND address = ${from}`);
    expect(rows).toEqual([{ source: 'sms-stop' }]);
    const audits = await t.database.rows(sql`SELECT 1 FROM audit_log WHERE action = 'consent.opt-out'`);
    expect(audits.length).toBeGreaterThan(0);
  });

  it('a forged inbound STOP opts nobody out', async () => {
    const from = '+919812300002';
    const signed = twilio.inbound(inboundUrl, { from, body: 'STOP' });
    const response = await send({ ...signed, body: signed.body.replace('STOP', 'STOPALL') });
    expect(response.statusCode).toBe(401);
    expect(await t.database.rows(sql`SELECT 1 FROM channel_opt_outs WHERE address = ${from}`)).toEqual([]);
  });

  it('"SAFE" from a number told about a school is that school’s check-in', async () => {
    const area = await buildArea(t.database);
    const school = await buildSchool(t.database, { area });
    const notice = await buildNotice(t.database);
    const from = '+919812300003';
    await buildOutboxRows(t.database, notice, [{ recipientKey: `contact:${school.id}:focal`, channel: 'sms', address: from, schoolId: school.id, state: 'delivered' }]);
    const response = await send(twilio.inbound(inboundUrl, { from, body: 'SAFE' }));
    expect(response.statusCode).toBe(200);
    const rows = await t.database.rows<{ status: string; via: string }>(
      sql`SELECT status, via FROM check_ins WHERE event_id = ${notice.eventId} AND school_id = ${school.id}`,
    );
    expect(rows).toEqual([{ status: 'all_safe', via: 'sms' }]);
  });
});
