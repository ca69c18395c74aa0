import type { Config } from './config/config.js';
import { openDatabase } from './db/open-database.js';
import { migrate } from './db/migrate.js';
import { buildApp } from './http/app.js';
import type { App } from './http/app-types.js';
import { createFileStorage } from './files/create-file-storage.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import { registerJobHandlers } from './jobs/register-job-handlers.js';
import { watchInterruptedWork } from './jobs/watch-interrupted-work.js';
import { sweepInterruptedWork } from './domain/jobs/sweep-interrupted-work.js';
import { createMetrics } from './ops/metrics.js';
import { ensureFirstAdmin } from './domain/users/ensure-first-admin.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import { ensureBuiltInInstruments } from './domain/assessments/instruments.js';
import { ImpactEngine } from './domain/events/impact-engine.js';
import { createChannels, describeChannels } from './channels/create-channels.js';
import { deliverDueJob } from './domain/alerts/deliver-due-notifications.js';
import type { Services } from './services.js';
import type { Database } from './db/database.js';
import { version } from './version.js';

export interface Running {
  app: App;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, prepares the first administrator and demo data, then listens. */
export async function startServer(config: Config, say: (message: string) => void = console.log): Promise<Running> {
  const began = Date.now();
  const elapsed = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
  say(
    config.DATABASE_URL
      ? 'Connecting to PostgreSQL…'
      : `Opening the embedded database in ${config.PGLITE_DIR} (the first start takes ~15 s)…`,
  );
  const database = await openDatabase(config);
  try {
    return await startOn(database, config, say, elapsed);
  } catch (error) {
    // A start that fails after the database opened (a port in use, a failed migration) still closes it, so the
    // embedded database's lock is released and the next start is not refused.
    await database.close().catch(() => {});
    throw error;
  }
}

async function startOn(
  database: Database,
  config: Config,
  say: (message: string) => void,
  elapsed: () => string,
): Promise<Running> {
  say(`Database open (${elapsed()}); checking migrations…`);
  const ran = await migrate(database, (m) => say(`  ${m}`));
  say(ran.length ? `Applied ${ran.length} migration(s) (${elapsed()})` : `Schema up to date (${elapsed()})`);

  await ensureBuiltInInstruments(database);
  const admin = await ensureFirstAdmin(database, {
    ...(config.ADMIN_EMAIL ? { email: config.ADMIN_EMAIL } : {}),
    ...(config.ADMIN_PASSWORD ? { password: config.ADMIN_PASSWORD } : {}),
  });
  if (admin.kind === 'created') say(`Administrator ${admin.email} created from ADMIN_EMAIL.`);
  if (admin.kind === 'generated') {
    say(
      `\n  No ADMIN_EMAIL/ADMIN_PASSWORD given: created administrator ${admin.email}\n  with the one-time password: ${admin.password}\n  It is shown only now; change it after signing in (safeschools users create --reset-password).\n`,
    );
  }
  if (config.DEMO_DATA) {
    const seeded = await seedDemoData(database);
    if (seeded) say(`Demo data loaded: ${seeded.areas} areas, ${seeded.schools} schools (${elapsed()})`);
  }

  const metrics = createMetrics();
  const storage = await createFileStorage(config);
  const jobs = createJobQueue(config, database, metrics);
  const channels = createChannels(config);
  say(`Alert channels: ${describeChannels(config).join('; ')}`);
  const services: Services = {
    config,
    database,
    storage,
    jobs,
    metrics,
    impactEngine: new ImpactEngine(database),
    channels,
    startedAt: new Date(),
    version,
  };
  registerJobHandlers(services);
  // Creates pg-boss's schema and queues even when this instance runs no jobs, so requests can enqueue (PGlite
  // has one connection: preparing lazily inside a request's transaction would wait on itself).
  await jobs.prepare();
  // Imports and jobs a dead process left running are marked interrupted (and cancelled in the queue) before this
  // instance takes work, so none is silently run again; on PostgreSQL again each minute (watch-interrupted-work.ts).
  const swept = await sweepInterruptedWork({ database, jobs });
  if (swept.presenceUnknown)
    say('Cannot tell which servers are alive (is a connection pooler in between?): interrupted work is not looked for.');
  if (swept.imports.length || swept.jobs.length) {
    say(
      `Marked ${swept.imports.length} import(s) and ${swept.jobs.length} job(s) interrupted: the server running them had stopped.`,
    );
  }
  if (config.JOBS) {
    await jobs.start();
    // Deliveries a stopped server left (sending, queued without a job, fallbacks come due) resume now, not in a minute.
    await jobs.enqueue(deliverDueJob, {}, { ownerId: null });
  }
  const app = await buildApp(services);
  const url = await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error: unknown) => {
    await jobs.stop(config.SHUTDOWN_TIMEOUT_SECONDS * 1000).catch(() => {});
    await channels.close().catch(() => {});
    throw error;
  });
  const sweeper = watchInterruptedWork(services, {
    swept: (work) =>
      app.log.warn(
        work,
        work.presenceUnknown ? 'cannot tell which servers are alive' : 'work of a stopped server marked interrupted',
      ),
    failed: (error) => app.log.error({ err: error }, 'sweep for interrupted work failed'),
  });
  // Warm the impact engine so the first alert does not wait for the registry to load; failures surface on use.
  services.impactEngine
    .rebuild()
    .then((s) => app.log.info({ schools: s.index.size, ms: Math.round(s.buildMs) }, 'impact engine ready'))
    .catch((error: unknown) => app.log.error({ err: error }, 'impact engine warm-up failed'));
  say(`SafeSchools ${version} is listening on ${url} (${database.kind}, ready in ${elapsed()})`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Finish requests in flight, then running jobs, then close the database they use: closed even when a step
      // before fails, or the embedded database's lock would outlive the process's wish to stop.
      try {
        await app.close();
        await sweeper.stop();
        await jobs.stop(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
        await channels.close();
      } finally {
        await database.close();
      }
    })());
  return { app, services, url, stop };
}
