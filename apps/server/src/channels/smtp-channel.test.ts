import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/fakes/smtp-sink.js';
import type { ChannelAdapter, OutgoingMessage } from './channel.js';
import { channelsFrom } from './create-channels.js';
import { classifySmtpError, createSmtpChannel, mailDomain, sendPlainMail } from './smtp-channel.js';

let sink: SmtpSink;
let email: ChannelAdapter;
const signal = () => AbortSignal.timeout(20_000);

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  notificationId: '0193b6c8-1111-7000-8000-000000000001',
  to: 'focal@school.example.in',
  language: 'hi',
  subject: 'चेतावनी: बाढ़ — आपके विद्यालय के पास',
  body: 'आपके विद्यालय के पास बाढ़ की चेतावनी है।\nकृपया उत्तर दें: https://safeschools.example.org/c/abc',
  ...overrides,
});

beforeAll(async () => {
  sink = await startSmtpSink({ user: 'alerts', pass: 's3cret:with@chars' });
  email = createSmtpChannel({ url: sink.url, from: 'SafeSchools <alerts@safeschools.example.org>' });
});
afterAll(async () => {
  await email.close();
  await sink.close();
});

describe('SMTP channel', () => {
  it('sends UTF-8 Hindi intact, with the notification id as Message-ID and one-click unsubscribe', async () => {
    const unsubscribeUrl = 'https://safeschools.example.org/u/tok123';
    const outcome = await email.send(message({ unsubscribeUrl }), signal());
    expect(outcome).toMatchObject({ kind: 'sent', provider: 'smtp', delivered: true });
    const [mail] = await sink.messages.waitFor((m) => m.length >= 1);
    expect(mail!.envelope).toEqual({ from: 'alerts@safeschools.example.org', to: ['focal@school.example.in'] });
    expect(mail!.messageId).toBe('<0193b6c8-1111-7000-8000-000000000001@safeschools.example.org>');
    expect(mail!.subject).toBe('चेतावनी: बाढ़ — आपके विद्यालय के पास');
    expect(mail!.text).toContain('आपके विद्यालय के पास बाढ़ की चेतावनी है।\nकृपया उत्तर दें: https://safeschools.example.org/c/abc');
    expect(mail!.text).toContain(`ये ई-मेल पाना बंद करने के लिए: ${unsubscribeUrl}`);
    expect(mail!.headers.get('list-unsubscribe')).toBe(`<${unsubscribeUrl}>`);
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers.get('content-type')).toMatch(/charset=utf-8/i);
  });

  it('sends the same Message-ID again on a resend, and no unsubscribe header without a link', async () => {
    const before = sink.messages.items.length;
    const id = '0193b6c8-2222-7000-8000-000000000002';
    await email.send(message({ notificationId: id, language: 'ja', subject: '警報', body: '学校の近くで洪水警報' }), signal());
    await email.send(message({ notificationId: id, language: 'ja', subject: '警報', body: '学校の近くで洪水警報' }), signal());
    const mails = (await sink.messages.waitFor((m) => m.length >= before + 2)).slice(before);
    expect(mails.map((m) => m.messageId)).toEqual([`<${id}@safeschools.example.org>`, `<${id}@safeschools.example.org>`]);
    expect(mails[0]!.text).toBe('学校の近くで洪水警報');
    expect(mails[0]!.headers.has('list-unsubscribe')).toBe(false);
  });

  it('retries a 4xx answer and fails a 5xx with the SMTP code', async () => {
    sink.failRecipient('busy@school.example.in', 451, 'Mailbox busy');
    sink.failRecipient('gone@school.example.in', 550, 'No such user');
    try {
      expect(await email.send(message({ to: 'busy@school.example.in' }), signal())).toMatchObject({
        kind: 'retry',
        code: 'SMTP_451',
      });
      expect(await email.send(message({ to: 'gone@school.example.in' }), signal())).toMatchObject({
        kind: 'failed',
        code: 'SMTP_550',
      });
    } finally {
      sink.clearFailures();
    }
  });

  it('retries when the server refuses the connection', async () => {
    const closed = await freePort();
    const nowhere = createSmtpChannel({ url: `smtp://127.0.0.1:${closed}`, from: 'alerts@example.org' });
    try {
      const outcome = await nowhere.send(message(), signal());
      expect(outcome.kind).toBe('retry');
    } finally {
      await nowhere.close();
    }
  });

  it('retries when the signal gives up first', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await email.send(message(), controller.signal)).toMatchObject({ kind: 'retry', code: 'TIMEOUT' });
  });

  it('sends a one-off mail through the channels, and says when e-mail is not configured', async () => {
    const before = sink.messages.items.length;
    const outcome = await sendPlainMail(channelsFrom({ email }), {
      to: 'new.user@example.org',
      subject: 'आमंत्रण',
      body: 'आपको आमंत्रित किया गया है',
      language: 'hi',
    });
    expect(outcome.kind).toBe('sent');
    const mails = await sink.messages.waitFor((m) => m.length > before);
    expect(mails.at(-1)).toMatchObject({ subject: 'आमंत्रण', text: 'आपको आमंत्रित किया गया है' });
    expect(await sendPlainMail(channelsFrom({}), { to: 'a@b.org', subject: 's', body: 'b', language: 'en' })).toEqual({
      kind: 'not_configured',
    });
  });
});

describe('SMTP helpers', () => {
  it('classifies errors without an SMTP answer', () => {
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout' })).toMatchObject({ kind: 'retry', code: 'ETIMEDOUT' });
    expect(classifySmtpError({ code: 'EENVELOPE', message: 'No recipients defined' })).toMatchObject({ kind: 'failed' });
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' })).toMatchObject({
      kind: 'failed',
      code: 'SMTP_535',
    });
  });

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(mailDomain('SafeSchools <Alerts@Mail.Example.org>')).toBe('mail.example.org');
    expect(mailDomain('alerts@example.in')).toBe('example.in');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
