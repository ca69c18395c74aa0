import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, callerFor, type TestApp } from '../../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../../testing/factories.js';

let t: TestApp;
let admin: { id: string; email: string; password: string };

beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3' } });
  admin = await buildUser(t.database, { role: 'administrator' });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in, sets an HttpOnly SameSite cookie and returns the CSRF token', async () => {
    const response = await t.anonymous.request('POST', '/api/v1/auth/login', { email: admin.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'ss_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = response.json<{ email: string; csrfToken: string; role: string; permissions: string[] }>();
    expect(me).toMatchObject({ email: admin.email, role: 'administrator' });
    expect(me.csrfToken.length).toBeGreaterThan(20);
    expect(me.permissions).toContain('users.manage');
    expect(response.body).not.toContain('argon2');
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const user = await buildUser(proxied.database, { role: 'viewer' });
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'ss_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await t.anonymous.request('POST', '/api/v1/auth/login', { email: admin.email, password: 'not the password' });
    const unknown = await t.anonymous.request('POST', '/api/v1/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', status: 401 });
    }
  });

  it('locks an email after too many failures, even with the right password', async () => {
    const victim = await buildUser(t.database, { role: 'viewer' });
    for (let i = 0; i < 3; i++) {
      const r = await t.anonymous.request('POST', '/api/v1/auth/login', { email: victim.email, password: 'guess number ' + i }, { 'x-forwarded-for': `10.0.0.${i}` });
      expect(r.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    }
    const locked = await t.anonymous.request('POST', '/api/v1/auth/login', { email: victim.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // The failures just happened, so the whole 15-minute window is still to wait.
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(locked.json()).toMatchObject({ retryAfter: wait });
  });

  it('says to retry when the oldest failure that counts leaves the window, not after a whole window', async () => {
    const victim = await buildUser(t.database, { role: 'viewer' });
    const key = `email:${victim.email.toLowerCase()}`;
    // Three failures 14, 12 and 10 minutes ago: the one 14 minutes old ages out of the 15-minute window in a minute.
    await t.database.db.execute(
      sql`INSERT INTO login_failures (key, at) SELECT ${key}, now() - make_interval(mins => m) FROM unnest(ARRAY[14, 12, 10]) AS m`,
    );
    const locked = await t.anonymous.request('POST', '/api/v1/auth/login', { email: victim.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: wait });
  });

  it('refuses disabled accounts', async () => {
    const gone = await buildUser(t.database, { role: 'viewer', status: 'disabled' });
    const r = await t.anonymous.request('POST', '/api/v1/auth/login', { email: gone.email, password: TEST_PASSWORD });
    expect(r.json()).toMatchObject({ code: 'AUTH_ACCOUNT_DISABLED' });
  });
});

describe('sessions and CSRF', () => {
  it('needs sign-in for user routes', async () => {
    const r = await t.anonymous.get('/api/v1/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('says the session expired when the cookie names no live session', async () => {
    const r = await callerFor(t.app, 'ss_session=made-up-token', null).get('/api/v1/auth/me');
    expect(r.json()).toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
    const session = await t.signIn(admin.email, TEST_PASSWORD);
    await t.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 minute'`);
    expect((await session.get('/api/v1/auth/me')).json()).toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
  });

  it('refuses cookie writes without or with a wrong CSRF token, and writes nothing', async () => {
    const session = await t.signIn(admin.email, TEST_PASSWORD);
    const before = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM api_tokens`);
    const missing = await callerFor(t.app, session.cookie, null).request('POST', '/api/v1/auth/tokens', { name: 'cli' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_TOKEN_MISSING' });
    const wrong = await callerFor(t.app, session.cookie, 'x'.repeat(43)).request('POST', '/api/v1/auth/tokens', { name: 'cli' });
    expect(wrong.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const after = await t.database.rows<{ n: number }>(sql`SELECT count(*) AS n FROM api_tokens`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('ends the session on logout', async () => {
    const session = await t.signIn(admin.email, TEST_PASSWORD);
    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.get('/api/v1/auth/me')).json()).toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });
  });

  it('changes one\u2019s own language', async () => {
    const session = await t.signIn(admin.email, TEST_PASSWORD);
    const r = await session.request('PATCH', '/api/v1/auth/me', { language: 'hi' });
    expect(r.json()).toMatchObject({ language: 'hi' });
  });
});

describe('API tokens', () => {
  it('creates a token shown once, authenticates scripts without CSRF, and stops working when revoked', async () => {
    const session = await t.signIn(admin.email, TEST_PASSWORD);
    const created = await session.request('POST', '/api/v1/auth/tokens', { name: 'nightly export' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^ss_/);
    const stored = await t.database.rows<{ token_hash: string }>(sql`SELECT token_hash FROM api_tokens WHERE id = ${id}`);
    expect(stored[0]!.token_hash).not.toContain(token);

    const script = callerFor(t.app, null, null, token);
    expect((await script.get('/api/v1/auth/me')).json()).toMatchObject({ email: admin.email, csrfToken: null });
    expect((await script.request('PATCH', '/api/v1/auth/me', { language: 'ja' })).statusCode).toBe(200);
    const mint = await script.request('POST', '/api/v1/auth/tokens', { name: 'child' });
    expect(mint.json()).toMatchObject({ code: 'FORBIDDEN' });
    const listed = await session.get('/api/v1/auth/tokens');
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(id);
    expect(listed.body).not.toContain(token);

    expect((await session.request('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    expect((await script.get('/api/v1/auth/me')).json()).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
  });
});
