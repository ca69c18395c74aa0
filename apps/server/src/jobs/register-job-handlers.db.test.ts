import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { findJobProgress } from '../db/jobs/job-progress.repository.js';
import { insertSession } from '../db/auth/sessions.repository.js';
import { recordFailures } from '../db/auth/login-failures.repository.js';
import { storeResponse } from '../db/idempotency/idempotency.repository.js';
import type { FileStorage } from '../files/file-storage.js';
import { createMetrics } from '../ops/metrics.js';
import { ImpactEngine } from '../domain/events/impact-engine.js';
import type { Services } from '../services.js';
import { buildUser } from '../testing/factories.js';
import { createTestDatabase } from '../testing/test-database.js';
import { createJobQueue } from './create-job-queue.js';
import type { JobQueue } from './job-queue.js';
import { registerJobHandlers } from './register-job-handlers.js';
import { createChannels } from '../channels/create-channels.js';

let database: Database;
let jobs: JobQueue;
const HOUR = 3600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ss-hk-')), LOG_LEVEL: 'silent', JOBS: 'true' });
  const metrics = createMetrics();
  jobs = createJobQueue(config, database, metrics);
  const services: Services = {
    config,
    database,
    jobs,
    metrics,
    impactEngine: new ImpactEngine(database),
    storage: {} as FileStorage,
    channels: createChannels(config),
    startedAt: new Date(),
    version: 'test',
  };
  registerJobHandlers(services);
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop(5_000);
  await database.close();
});

describe('housekeeping', () => {
  it('is scheduled hourly', async () => {
    const rows = await database.rows<{ name: string; cron: string }>(sql`SELECT name, cron FROM pgboss.schedule`);
    expect(rows).toContainEqual({ name: 'housekeeping', cron: '0 * * * *' });
  });

  it('polls feeds on schedule even with no EVENT_FEEDS, since feeds can be added in the app', async () => {
    const rows = await database.rows<{ name: string; cron: string }>(sql`SELECT name, cron FROM pgboss.schedule`);
    expect(rows).toContainEqual({ name: 'events.poll-feeds', cron: '*/5 * * * *' });
  });

  it('deletes expired sessions, week-old idempotency keys and day-old login failures, and nothing else', async () => {
    const user = await buildUser(database, { role: 'viewer' });
    const now = Date.now();
    const session = (id: string, expiresAt: Date) =>
      insertSession(database.db, { id, userId: user.id, tokenHash: id, csrfToken: 'c', expiresAt });
    const [expired, live] = [uuidv7(), uuidv7()];
    await session(expired, new Date(now - HOUR));
    await session(live, new Date(now + HOUR));
    const key = (k: string, createdAt: Date) =>
      storeResponse(database.db, {
        actorId: user.id,
        key: k,
        method: 'POST',
        path: '/x',
        requestHash: 'h',
        statusCode: 201,
        response: null,
        createdAt,
      });
    await key('old-key-1', new Date(now - 8 * 24 * HOUR));
    await key('new-key-1', new Date(now - 6 * 24 * HOUR));
    await recordFailures(database.db, ['old-failure'], new Date(now - 25 * HOUR));
    await recordFailures(database.db, ['new-failure'], new Date(now - 23 * HOUR));

    const id = await jobs.enqueue('housekeeping', {}, { ownerId: null });
    let row = await findJobProgress(database.db, id);
    for (let i = 0; i < 200 && row?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      row = await findJobProgress(database.db, id);
    }
    expect(row?.state).toBe('completed');

    const left = await database.rows<{ sessions: string[]; keys: string[]; failures: string[] }>(sql`SELECT
      (SELECT array_agg(id::text) FROM sessions WHERE user_id = ${user.id}) AS sessions,
      (SELECT array_agg(key) FROM idempotency_keys WHERE actor_id = ${user.id}) AS keys,
      (SELECT array_agg(key) FROM login_failures WHERE key IN ('old-failure', 'new-failure')) AS failures`);
    expect(left[0]).toEqual({ sessions: [live], keys: ['new-key-1'], failures: ['new-failure'] });
  });
});
