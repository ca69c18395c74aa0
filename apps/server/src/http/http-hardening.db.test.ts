import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../testing/factories.js';
import { callerFor, createTestApp, type Caller, type TestApp } from '../testing/test-app.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef0123456789';

let t: TestApp;
let webDist: string;
let admin: Caller;
let bearer: Caller;

function expectProblem(r: LightMyRequestResponse, status: number, code: string) {
  expect(r.statusCode).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(r.json()).toMatchObject({ status, code });
}

beforeAll(async () => {
  // A stand-in for the built web app, to check that the app shell is still served for deep links.
  webDist = await mkdtemp(path.join(tmpdir(), 'safeschools-web-'));
  await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>SafeSchools</title>');
  t = await createTestApp({ env: { METRICS_TOKEN, WEB_DIST: webDist } });
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  await buildSchool(t.database, { area: india, name: 'Enchey School', lon: 88.6165, lat: 27.3389 });
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
  const { token } = (await admin.request('POST', '/api/v1/auth/tokens', { name: 'script' })).json<{ token: string }>();
  bearer = callerFor(t.app, null, null, token);
});
afterAll(async () => {
  await t.close();
  await rm(webDist, { recursive: true, force: true });
});

describe('a known API path with another method', () => {
  it('answers 405 with the methods the path takes, with and without path parameters', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/api/v1/schools', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/v1/auth/login', 'POST, OPTIONS'],
      ['DELETE', `/api/v1/schools/${uuidv7()}`, 'GET, HEAD, OPTIONS'],
      ['POST', `/api/v1/schools/${uuidv7()}/plan?x=1`, 'GET, HEAD, PUT, OPTIONS'],
      ['GET', `/api/v1/auth/tokens/${uuidv7()}`, 'DELETE, OPTIONS'],
      ['HEAD', '/api/v1/auth/login', 'POST, OPTIONS'],
    ];
    for (const [method, url, allow] of cases) {
      const r = await bearer.request(method, url);
      expect(r.statusCode, `${method} ${url}`).toBe(405);
      expect(r.headers.allow, `${method} ${url}`).toBe(allow);
      if (method !== 'HEAD') expectProblem(r, 405, 'METHOD_NOT_ALLOWED');
    }
    expectProblem(await t.anonymous.request('DELETE', '/api/v1/schools'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('keeps 404 for unknown paths, HEAD on GET routes, OPTIONS and the web app shell', async () => {
    expectProblem(await bearer.request('DELETE', '/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await bearer.request('GET', `/api/v1/schools/${uuidv7()}/nothing`), 404, 'ROUTE_NOT_FOUND');
    expect((await t.anonymous.request('HEAD', '/api/health')).statusCode).toBe(200);
    const options = await t.anonymous.request('OPTIONS', '/api/v1/auth/me');
    expect(options.statusCode).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, PATCH, OPTIONS');
    expectProblem(await t.anonymous.request('OPTIONS', '/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    const shell = await t.anonymous.get('/schools/some-deep-link');
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-type']).toContain('text/html');
    expect((await t.anonymous.request('POST', '/schools/some-deep-link')).statusCode).toBe(404);
    expect((await t.anonymous.request('DELETE', '/index.html')).statusCode).toBe(404);
  });
});

describe('/metrics', () => {
  const scrape = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('is served to this machine and to a scraper with the token, and hidden from everyone else', async () => {
    for (const local of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      const r = await scrape(local);
      expect(r.statusCode, local).toBe(200);
      expect(r.body).toContain('safeschools_http_request_duration_seconds');
    }
    const remote = '203.0.113.7';
    expect((await scrape(remote, { authorization: `Bearer ${METRICS_TOKEN}` })).statusCode).toBe(200);
    const unknown = await t.anonymous.get('/api/v1/nothing-here');
    const refused: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` },
      { authorization: 'Bearer short' },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const r = await scrape(remote, headers);
      expectProblem(r, 404, 'ROUTE_NOT_FOUND');
      expect(r.body).not.toContain('safeschools_');
      expect(Object.keys(r.json<object>()).sort()).toEqual(Object.keys(unknown.json<object>()).sort());
    }
  });

  it('does not take a request passed on by a proxy on this machine as local', async () => {
    expectProblem(await scrape('127.0.0.1', { 'x-forwarded-for': '198.51.100.4' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await scrape('127.0.0.1', { forwarded: 'for=198.51.100.4' }), 404, 'ROUTE_NOT_FOUND');
    expect(
      (await scrape('127.0.0.1', { 'x-forwarded-for': '198.51.100.4', authorization: `Bearer ${METRICS_TOKEN}` })).statusCode,
    ).toBe(200);
  });

  it('behind a trusted proxy, does not believe a client that claims to be 127.0.0.1', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const scrapeVia = (remoteAddress: string, headers: Record<string, string> = {}) =>
        proxied.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
      // The client sent X-Forwarded-For: 127.0.0.1 and the proxy appended the real address; request.ip is 127.0.0.1.
      expectProblem(await scrapeVia('10.0.0.2', { 'x-forwarded-for': '127.0.0.1, 198.51.100.4' }), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await scrapeVia('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }), 404, 'ROUTE_NOT_FOUND');
      expect((await scrapeVia('127.0.0.1')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('Cache-Control on API answers', () => {
  it('is no-store for answers to a signed-in caller, by cookie or bearer token, errors included', async () => {
    for (const [caller, url] of [
      [admin, '/api/v1/schools'],
      [admin, '/api/v1/auth/me'],
      [bearer, '/api/v1/schools'],
      [bearer, '/api/v1/events'],
      [bearer, `/api/v1/schools/${uuidv7()}`],
      [admin, '/api/v1/nothing-here'],
    ] as const) {
      const r = await caller.get(url);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('is no-store for the sign-in answer, which carries the session cookie and CSRF token', async () => {
    const user = await buildUser(t.database, { role: 'viewer' });
    const r = await t.anonymous.request('POST', '/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('keeps a route’s own private caching: tiles revalidate in the browser only', async () => {
    const r = await admin.get('/api/v1/tiles/schools/2/2/1.mvt');
    expect(r.statusCode).toBeLessThan(300);
    expect(r.headers['cache-control']).toBe('private, no-cache');
    expect(r.headers.etag).toBeTruthy();
  });

  it('leaves anonymous public answers alone', async () => {
    expect((await t.anonymous.get('/api/health')).headers['cache-control']).toBeUndefined();
    expect((await t.anonymous.get('/api/openapi.json')).headers['cache-control']).toBeUndefined();
  });
});
