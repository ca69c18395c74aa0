import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { hashSecret, newSecret } from '../../domain/auth/secrets.js';
import { optOut } from '../../domain/consent/opt-out.js';
import { optedOutChannels } from '../../domain/consent/opted-out-channels.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function linkFor(channel: string, address: string): Promise<string> {
  const token = newSecret();
  await t.database.rows(sql`INSERT INTO opt_out_links (token_hash, channel, address) VALUES (${hashSecret(token)}, ${channel}, ${address})`);
  return token;
}

async function optOutRows(address: string) {
  return t.database.rows<{ channel: string; source: string }>(sql`SELECT channel, source FROM channel_opt_outs WHERE address = ${address} ORDER BY channel`);
}

async function auditCount(action: string): Promise<number> {
  const rows = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);
  return rows[0]!.n;
}

describe('the unsubscribe page /u/:token', () => {
  it('asks first, in the language asked for, and writes nothing on GET', async () => {
    const token = await linkFor('email', 'priya@school.example');
    const page = await t.app.inject({ method: 'GET', url: `/u/${token}`, headers: { 'accept-language': 'ja,en;q=0.5' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="ja">');
    expect(page.body).toContain('priya@school.example');
    expect(page.body).toContain('配信を停止する');
    expect(page.body).toContain(`<form method="post" action="/u/${token}">`);
    const hindi = await t.app.inject({ method: 'GET', url: `/u/${token}?lang=hi`, headers: { 'accept-language': 'ja' } });
    expect(hindi.body).toContain('ये संदेश बंद करें');
    expect(hindi.body).toContain(`action="/u/${token}?lang=hi"`);
    expect(await optOutRows('priya@school.example')).toEqual([]);
  });

  it('opts the address out on POST (the button), audited, and is idempotent with a one-click POST after it', async () => {
    const token = await linkFor('email', 'dorjee@school.example');
    const before = await auditCount('consent.opt-out');
    const done = await t.app.inject({ method: 'POST', url: `/u/${token}?lang=en`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('will not send e-mail messages to dorjee@school.example');
    expect(await optOutRows('dorjee@school.example')).toEqual([{ channel: 'email', source: 'link' }]);
    expect(await auditCount('consent.opt-out')).toBe(before + 1);

    // RFC 8058: the mail client posts List-Unsubscribe=One-Click (here as multipart/form-data).
    const boundary = 'x-boundary-1';
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(oneClick.statusCode).toBe(200);
    expect(await optOutRows('dorjee@school.example')).toEqual([{ channel: 'email', source: 'link' }]);
    expect(await auditCount('consent.opt-out')).toBe(before + 1);
    // Opening the link again shows it is done rather than asking again.
    expect((await t.app.inject({ method: 'GET', url: `/u/${token}?lang=en` })).body).toContain('will not send');
  });

  it('answers an unknown or malformed token with a clear page and writes nothing', async () => {
    const before = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM channel_opt_outs`);
    for (const url of [`/u/${newSecret()}`, '/u/short', `/u/${'x'.repeat(40)}.html`]) {
      const get = await t.app.inject({ method: 'GET', url: `${url}?lang=en` });
      expect(get.statusCode, url).toBe(404);
      expect(get.headers['content-type']).toContain('text/html');
      expect(get.body).toContain('This link is not valid');
      const post = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
      expect(post.statusCode, url).toBe(404);
    }
    const after = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM channel_opt_outs`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('works for a signed-in browser without a CSRF token (the session is not used here)', async () => {
    const u = await buildUser(t.database, { role: 'administrator' });
    const caller = await t.signIn(u.email, TEST_PASSWORD);
    const token = await linkFor('sms', '+919876500001');
    const done = await t.app.inject({ method: 'POST', url: `/u/${token}`, headers: { cookie: caller.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(await optOutRows('+919876500001')).toEqual([{ channel: 'sms', source: 'link' }]);
  });
});

describe('opt-outs in one\u2019s own settings', () => {
  it('lists the opt-outs of one\u2019s e-mail and phone and undoes one', async () => {
    const india = await buildArea(t.database, { name: 'India', level: 'country' });
    const u = await buildUser(t.database, { role: 'viewer', areaIds: [india.id], email: 'Mixed.Case@School.example' });
    const me = await t.signIn(u.email, TEST_PASSWORD);
    await me.request('PATCH', '/api/v1/auth/me', { phone: '9876500002' });
    const ctx = { database: t.database, tx: t.database.db, actor: null, requestId: 'test', now: new Date() };
    await optOut(ctx, { channel: 'email', address: 'mixed.case@school.EXAMPLE', source: 'link' });
    await optOut(ctx, { channel: 'sms', address: '+919876500002', source: 'sms-stop' });
    await optOut(ctx, { channel: 'sms', address: '+919999999999', source: 'sms-stop' });
    expect(await optOut(ctx, { channel: 'sms', address: '+919876500002', source: 'sms-stop' })).toEqual({ created: false });

    const listed = await me.get('/api/v1/auth/me/opt-outs');
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: { channel: string; address: string; source: string }[] }>().items;
    expect(items.map((i) => [i.channel, i.address, i.source]).sort()).toEqual([
      ['email', 'mixed.case@school.example', 'link'],
      ['sms', '+919876500002', 'sms-stop'],
    ]);
    const map = await optedOutChannels(t.database.db, ['MIXED.case@school.example', '+919876500002', '+910000000000']);
    expect([...map.entries()].map(([a, s]) => [a, [...s]])).toEqual([
      ['mixed.case@school.example', ['email']],
      ['+919876500002', ['sms']],
    ]);

    expect((await me.request('DELETE', '/api/v1/auth/me/opt-outs/sms')).statusCode).toBe(204);
    expect((await me.request('DELETE', '/api/v1/auth/me/opt-outs/sms')).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await me.request('DELETE', '/api/v1/auth/me/opt-outs/whatsapp')).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(await optOutRows('+919876500002')).toEqual([]);
    expect(await optOutRows('+919999999999')).toHaveLength(1);
    expect(await auditCount('consent.opt-in')).toBe(1);
  });
});
