import PgBoss from 'pg-boss';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { bossDbOf, bossDbOn } from '../db/jobs/boss-db.js';
import { deleteJobProgress, insertJobProgress, readJobData } from '../db/jobs/job-progress.repository.js';
import type { Metrics } from '../ops/metrics.js';
import { stderrJobLog, type JobLog } from './job-log.js';
import type { JobHandler, JobQueue, RegisterOptions } from './job-queue.js';
import { runJob } from './run-job.js';
import { waitUntil } from './wait-until.js';

interface Kind extends Required<RegisterOptions> {
  handler: JobHandler<unknown>;
  workerId?: string;
}

/** Retries: 2 more attempts, 10 s then 20 s apart (pg-boss doubles the delay with backoff). */
const DEFAULTS = { batchSize: 10, expireInSeconds: 15 * 60, retryLimit: 2, retryDelaySeconds: 10, whenInterrupted: 'show' } as const;
const POLLING_SECONDS = 1;

/** The job queue on pg-boss 10, over the app's own database (PostgreSQL or PGlite) through its `db` adapter. */
export function createJobQueue(
  config: Config,
  database: Database,
  metrics: Metrics,
  log: JobLog = stderrJobLog(config.LOG_LEVEL),
): JobQueue {
  const boss = new PgBoss({
    db: bossDbOf(database),
    schema: 'pgboss',
    // Maintenance and cron belong to nodes that work; an enqueue-only node (JOBS=false) only sends.
    supervise: config.JOBS,
    schedule: config.JOBS,
    migrate: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  const kinds = new Map<string, Kind>();
  const schedules: { kind: string; cron: string; payload: Record<string, unknown> }[] = [];
  const inFlight = new Map<string, AbortController>();
  let prepared: Promise<void> | null = null;
  let isPrepared = false;
  let running = false;
  let stopping = false;

  const kindOf = (name: string): Kind => {
    const kind = kinds.get(name);
    if (!kind) throw new Error(`job kind ${name} is not registered`);
    return kind;
  };

  const prepare = () =>
    (prepared ??= (async () => {
      await boss.start();
      // 'singleton': at most one active job per singleton key. Jobs without a key get their own id as key.
      for (const name of kinds.keys()) await boss.createQueue(name, { name, policy: 'singleton' });
      isPrepared = true;
    })());

  async function work(name: string, kind: Kind): Promise<void> {
    kind.workerId = await boss.work<unknown>(
      name,
      { batchSize: kind.batchSize, pollingIntervalSeconds: POLLING_SECONDS, includeMetadata: true },
      async (jobs) => {
        await Promise.all(
          jobs.map(async (job) => {
            // Fetched while stopping: hand it back for a later run instead of starting it now.
            if (stopping) return boss.fail(name, job.id, { code: 'SHUTTING_DOWN', message: 'The server was stopping.' });
            const controller = new AbortController();
            inFlight.set(job.id, controller);
            try {
              await runJob({ database, metrics, boss, log, queue }, kind.handler, job, controller);
            } finally {
              inFlight.delete(job.id);
            }
          }),
        );
        // A full batch means more may be waiting: fetch again at once instead of after the polling interval.
        if (jobs.length >= kind.batchSize && !stopping && kind.workerId) boss.notifyWorker(kind.workerId);
      },
    );
  }

  const queue: JobQueue = {
    get running() {
      return running;
    },
    register(name, handler, options = {}) {
      if (prepared) throw new Error(`register ${name} before the job queue is prepared or started`);
      kinds.set(name, { ...DEFAULTS, ...options, handler: handler as JobHandler<unknown> });
    },
    schedule(name, cron, payload = {}) {
      kindOf(name);
      schedules.push({ kind: name, cron, payload });
    },
    prepare,
    async start() {
      if (running) return;
      await prepare();
      for (const s of schedules) await boss.schedule(s.kind, s.cron, s.payload, { tz: 'UTC', retryLimit: 0 });
      for (const [name, kind] of kinds) await work(name, kind);
      running = true;
    },
    async enqueue(name, payload, options) {
      const kind = kindOf(name);
      // On PGlite the transaction holds the only connection; preparing now would wait for it forever.
      if (options.tx && database.kind === 'pglite' && !isPrepared) {
        throw new Error('enqueue inside a transaction needs the job queue prepared first (jobs.prepare() at start-up)');
      }
      await prepare();
      const id = uuidv7();
      const on = options.tx ?? database.db;
      await insertJobProgress(on, { id, kind: name, ownerId: options.ownerId });
      try {
        const sent = await boss.send(name, payload ?? {}, {
          id,
          retryLimit: options.retryLimit ?? kind.retryLimit,
          retryDelay: kind.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: kind.expireInSeconds,
          singletonKey: options.singletonKey ?? id,
          ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
          ...(options.tx ? { db: bossDbOn(options.tx) } : {}),
        });
        if (sent !== id) throw new Error(`pg-boss did not accept job ${id} (${name})`);
      } catch (error) {
        if (!options.tx) await deleteJobProgress(database.db, id);
        throw error;
      }
      // Our own worker polls once a second; wake it so a job the user just started begins at once.
      if (kind.workerId && !options.tx) boss.notifyWorker(kind.workerId);
      return id;
    },
    async cancel(name, id, tx) {
      if (tx && database.kind === 'pglite' && !isPrepared) {
        throw new Error('cancel inside a transaction needs the job queue prepared first (jobs.prepare() at start-up)');
      }
      await prepare();
      await boss.cancel(name, id, tx ? { db: bossDbOn(tx) } : {});
    },
    async rerun(name, id, tx) {
      if (kinds.get(name)?.whenInterrupted !== 'rerun') return false;
      const data = await readJobData(tx, id);
      await queue.enqueue(name, data ?? {}, { ownerId: null, tx });
      return true;
    },
    async stop(timeoutMs) {
      if (!prepared) return;
      await prepared.catch(() => undefined);
      stopping = true;
      for (const name of kinds.keys()) await boss.offWork(name);
      if (!(await waitUntil(() => inFlight.size === 0, timeoutMs))) {
        log.warn({ jobs: [...inFlight.keys()] }, 'jobs still running at shutdown: aborting them');
        for (const controller of inFlight.values()) controller.abort(new Error('server shutting down'));
        await waitUntil(() => inFlight.size === 0, Math.min(5_000, timeoutMs));
      }
      // Anything still held is failed by pg-boss and retried later (handlers are idempotent).
      await boss.stop({ graceful: false, close: false, wait: true });
      running = false;
    },
  };
  return queue;
}
