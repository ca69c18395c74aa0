import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import type { App } from '../http/app-types.js';
import { createFileStorage } from '../files/create-file-storage.js';
import { createJobQueue } from '../jobs/create-job-queue.js';
import { registerJobHandlers } from '../jobs/register-job-handlers.js';
import { createMetrics } from '../ops/metrics.js';
import { ImpactEngine } from '../domain/events/impact-engine.js';
import { ensureBuiltInInstruments } from '../domain/assessments/instruments.js';
import type { Services } from '../services.js';
import type { Channels } from '../channels/channel.js';
import { createChannels } from '../channels/create-channels.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  services: Services;
  database: Database;
  config: Config;
  /** Signs in through the API and returns a caller that sends the cookie and CSRF token. */
  signIn(email: string, password: string): Promise<Caller>;
  /** A caller with no credentials. */
  anonymous: Caller;
  close(): Promise<void>;
}

export interface Caller {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
  cookie: string | null;
}

export function callerFor(app: App, cookie: string | null, csrfToken: string | null, bearer?: string): Caller {
  const request: Caller['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return { request, get: (url) => request('GET', url), csrfToken, cookie };
}

/** A whole app on a fresh database of its own; jobs are not started unless `startJobs`. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    startJobs?: boolean;
    registerJobs?: (jobs: Services['jobs']) => void;
    /** Channels of the test's own (adapters pointed at the loopback fakes); otherwise made from `env` (none by default). */
    channels?: Channels;
  } = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', JOBS: 'false', LOG_LEVEL: 'silent', WEB_DIST: path.join(dataDir, 'no-web'), ...options.env });
  const database = await createTestDatabase();
  await ensureBuiltInInstruments(database);
  const metrics = createMetrics();
  const jobs = createJobQueue(config, database, metrics);
  const channels = options.channels ?? createChannels(config);
  const services: Services = { config, database, storage: await createFileStorage(config), jobs, metrics, impactEngine: new ImpactEngine(database), channels, startedAt: new Date(), version: 'test' };
  registerJobHandlers(services);
  options.registerJobs?.(jobs);
  await jobs.prepare();
  if (options.startJobs) await jobs.start();
  const app = await buildApp(services, { logger: false });
  await app.ready();
  return {
    app,
    services,
    database,
    config,
    anonymous: callerFor(app, null, null),
    async signIn(email, password) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'ss_session');
      const me = response.json<{ csrfToken: string }>();
      return callerFor(app, cookie ? `ss_session=${cookie.value}` : null, me.csrfToken);
    },
    async close() {
      await app.close();
      if (options.startJobs) await jobs.stop(5_000);
      await channels.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
