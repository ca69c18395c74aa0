import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../../testing/factories.js';

interface Mail {
  to: string;
  subject: string;
  text: string;
  raw: string;
}

/** Decodes the single-part text messages nodemailer writes (quoted-printable or base64, encoded-word subjects). */
function decodeMail(raw: string, to: string): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_w, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replaceAll('_', ' ')),
    );
  const qp = (text: string) => {
    const joined = text.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
        bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  };
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(body) : body;
  return { to, subject: words(header('Subject')), text, raw };
}

let sink: SMTPServer;
let smtpUrl: string;
const inbox: Mail[] = [];
const waiters: (() => void)[] = [];
/** Runs while the SMTP server holds a message, before it answers: what the database shows at that moment. */
let whileReceiving: ((to: string) => Promise<void>) | null = null;

async function nextMail(to: string): Promise<Mail> {
  for (;;) {
    // Mail servers may lower-case the domain of an address.
    const found = inbox.findIndex((m) => m.to.toLowerCase() === to.toLowerCase());
    if (found >= 0) return inbox.splice(found, 1)[0]!;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

let t: TestApp;
let admin: Caller;
let district: { id: string; path: string[] };

beforeAll(async () => {
  sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        void Promise.all(to.map((a) => (whileReceiving ? whileReceiving(a) : Promise.resolve()))).finally(() => {
          for (const address of to) inbox.push(decodeMail(Buffer.concat(chunks).toString('utf8'), address));
          waiters.splice(0).forEach((w) => w());
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
  t = await createTestApp({ env: { SMTP_URL: smtpUrl, MAIL_FROM: 'SafeSchools <noreply@safeschools.test>', PUBLIC_URL: 'https://safeschools.test' } });
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  district = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: india });
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

describe('invitations by e-mail', () => {
  it('e-mails the invitation in the invitee\u2019s language with the accept link, after the invitation is committed', async () => {
    const seen: string[] = [];
    whileReceiving = async () => {
      const rows = await t.database.rows<{ status: string }>(sql`SELECT status FROM users WHERE email = 'hindi.officer@district.gov.in'`);
      seen.push(...rows.map((r) => r.status));
    };
    const invited = await admin.request('POST', '/api/v1/users', { email: 'hindi.officer@district.gov.in', role: 'district_officer', language: 'hi', scope: { areaIds: [district.id] } });
    expect(invited.statusCode).toBe(201);
    const body = invited.json<{ emailed: boolean; invitationPath: string; user: { id: string } }>();
    expect(body.emailed).toBe(true);
    const mail = await nextMail('hindi.officer@district.gov.in');
    whileReceiving = null;
    // Committed before the mail went out: another connection already saw the invited user.
    expect(seen).toEqual(['invited']);
    expect(mail.subject).toBe('SafeSchools में आपको आमंत्रित किया गया है');
    expect(mail.text).toContain('अपना नाम और पासवर्ड सेट करने के लिए');
    expect(mail.text).toContain(`https://safeschools.test${body.invitationPath}`);
    expect(body.invitationPath).toMatch(/^\/accept-invitation\?token=[\w-]{40,}$/);

    // The link in the mail is the one that works.
    const token = new URL(/https:\/\/safeschools\.test\/accept-invitation\?token=[\w-]+/.exec(mail.text)![0]).searchParams.get('token')!;
    const accepted = await t.anonymous.request('POST', '/api/v1/auth/invitations/accept', { token, name: 'Karma', password: 'monsoon clouds over teesta' });
    expect(accepted.statusCode).toBe(200);
  });

  it('says it was not e-mailed when sending fails, and the invitation still stands with its link', async () => {
    const broken = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'noreply@safeschools.test' } });
    try {
      const a = await buildUser(broken.database, { role: 'administrator' });
      const caller = await broken.signIn(a.email, TEST_PASSWORD);
      const invited = await caller.request('POST', '/api/v1/users', { email: 'nomail@example.org', role: 'administrator', scope: {} });
      expect(invited.statusCode).toBe(201);
      const body = invited.json<{ emailed: boolean; invitationPath: string }>();
      expect(body.emailed).toBe(false);
      expect(body.invitationPath).toMatch(/^\/accept-invitation\?token=/);
      const rows = await broken.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM invitations`);
      expect(rows[0]!.n).toBe(1);
    } finally {
      await broken.close();
    }
  });
});

describe('password reset by e-mail', () => {
  it('e-mails a one-hour link to an active account; the link sets the password once and ends the sessions', async () => {
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [district.id], email: 'Forgetful@School.example' });
    await t.database.rows(sql`UPDATE users SET language = 'ja', name = 'Aiko' WHERE id = ${u.id}`);
    const session = await t.signIn(u.email, TEST_PASSWORD);

    const asked = await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'forgetful@school.example' });
    expect(asked.statusCode).toBe(202);
    const mail = await nextMail('Forgetful@School.example');
    expect(mail.subject).toBe('SafeSchools のパスワード再設定');
    expect(mail.text).toContain('Aiko 様');
    const link = /https:\/\/safeschools\.test\/reset-password\?token=([\w-]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link![1]!;
    const [stored] = await t.database.rows<{ token_hash: string; minutes: number }>(
      sql`SELECT token_hash, extract(epoch FROM expires_at - created_at)::int / 60 AS minutes FROM password_resets WHERE user_id = ${u.id}`,
    );
    expect(stored!.token_hash).not.toContain(token);
    expect(stored!.minutes).toBe(60);

    const weak = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'forgetful1234' });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    const set = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'cherry blossoms in ueno' });
    expect(set.statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.signIn(u.email, TEST_PASSWORD)).rejects.toThrow();
    await t.signIn(u.email, 'cherry blossoms in ueno');

    const again = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'PASSWORD_RESET_USED' });
    const audits = await t.database.rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${u.id} ORDER BY at, id`);
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.password-reset-request', 'auth.password-reset']));
  });

  it('refuses an expired link and an unknown one with their own codes', async () => {
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [district.id] });
    await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: u.email });
    const token = /reset-password\?token=([\w-]+)/.exec((await nextMail(u.email)).text)![1]!;
    await t.database.rows(sql`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = ${u.id}`);
    const expired = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'late but long passphrase' });
    expect(expired.json()).toMatchObject({ code: 'PASSWORD_RESET_EXPIRED', status: 410 });
    const unknown = await t.anonymous.request('POST', '/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'late but long passphrase' });
    expect(unknown.json()).toMatchObject({ code: 'PASSWORD_RESET_INVALID' });
  });

  it('answers unknown, invited and disabled accounts the same, writes no reset and sends nothing', async () => {
    const invited = await buildUser(t.database, { role: 'viewer', areaIds: [district.id], status: 'invited' });
    const disabled = await buildUser(t.database, { role: 'viewer', areaIds: [district.id], status: 'disabled' });
    const active = await buildUser(t.database, { role: 'viewer', areaIds: [district.id] });
    const answers = [];
    for (const email of ['nobody@nowhere.example', invited.email, disabled.email, active.email]) {
      const r = await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email }, { 'x-forwarded-for': '203.0.113.9' });
      answers.push({ status: r.statusCode, body: r.body, type: r.headers['content-type'] });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.status).toBe(202);
    // The active account's mail arrives; by then the three before it would have too.
    await nextMail(active.email);
    expect(inbox.filter((m) => [invited.email, disabled.email, 'nobody@nowhere.example'].includes(m.to.toLowerCase()))).toEqual([]);
    const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM password_resets WHERE user_id IN (${invited.id}, ${disabled.id})`);
    expect(rows[0]!.n).toBe(0);
  });

  it('limits requests per address, whether or not the account exists', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'ghost@nowhere.example' })).statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await t.anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'GHOST@nowhere.example' });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
