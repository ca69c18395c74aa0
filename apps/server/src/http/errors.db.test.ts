import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app.js';
import { buildArea, buildUser, TEST_PASSWORD } from '../testing/factories.js';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ env: { MAX_BODY_KB: '4' } });
  const a = await buildUser(t.database, { role: 'administrator' });
  admin = await t.signIn(a.email, TEST_PASSWORD);
});
afterAll(() => t.close());

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.requestId).toBe('string');
  expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('problem+json for bad input', () => {
  it('answers an unknown route', async () => {
    expectProblem(await t.anonymous.get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await t.anonymous.request('DELETE', '/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    // A path that exists, with a method it does not take, is a 405 (see http-hardening.db.test.ts).
    expectProblem(await t.anonymous.request('DELETE', '/api/health'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers malformed JSON', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.org", ' });
    expectProblem(r, 400, 'MALFORMED_JSON');
  });

  it('answers a body over the limit', async () => {
    const r = await t.anonymous.request('POST', '/api/v1/auth/login', { email: 'a@b.org', password: 'x'.repeat(10_000) });
    expectProblem(r, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-msgpack' }, payload: 'abc' });
    expectProblem(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('names each invalid field', async () => {
    const r = await t.anonymous.request('POST', '/api/v1/auth/login', { email: 'not-an-email' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    const paths = r.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('answers an out-of-range query and a malformed id', async () => {
    expectProblem(await admin.get('/api/v1/users?limit=100000'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/v1/schools/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });

  it('echoes a safe request id and makes one otherwise', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/api/v1/none', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const evil = await t.app.inject({ method: 'GET', url: '/api/v1/none', headers: { 'x-request-id': 'a b\u0000c' } });
    expect(evil.headers['x-request-id']).not.toBe('a b\u0000c');
  });
});

describe('one transaction per write', () => {
  it('leaves nothing behind when a write fails half-way', async () => {
    const india = await buildArea(t.database, { name: 'India' });
    const before = await t.database.rows<{ users: number; audit: number; invitations: number }>(
      sql`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM invitations) AS invitations`,
    );
    // Break the last step of an invitation (the audit insert) so the user row and invitation are already written.
    await t.database.execScript(`ALTER TABLE audit_log ADD CONSTRAINT audit_fail CHECK (action <> 'user.invite')`);
    try {
      const r = await admin.request('POST', '/api/v1/users', { email: 'half@example.org', role: 'viewer', scope: { areaIds: [india.id] } });
      expectProblem(r, 500, 'INTERNAL');
      expect(r.body).not.toContain('audit_fail');
    } finally {
      await t.database.execScript('ALTER TABLE audit_log DROP CONSTRAINT audit_fail');
    }
    const after = await t.database.rows<{ users: number; audit: number; invitations: number }>(
      sql`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM invitations) AS invitations`,
    );
    expect(after).toEqual(before);
  });
});

describe('security headers', () => {
  it('sends a CSP and no HSTS over plain HTTP', async () => {
    const r = await t.anonymous.get('/api/health');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when served over TLS', async () => {
    const tls = await createTestApp({ env: { PUBLIC_URL: 'https://safeschools.example.org' } });
    try {
      expect((await tls.anonymous.get('/api/health')).headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await tls.close();
    }
  });
});

describe('multipart', () => {
  it('answers a body that does not match its boundary with VALIDATION_FAILED', async () => {
    const r = await admin.request('POST', '/api/v1/imports', '--other\r\nContent-Disposition: form-data; name="kind"\r\n\r\nschools\r\n', {
      'content-type': 'multipart/form-data; boundary=expected',
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
  });
});
