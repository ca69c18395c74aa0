import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Db } from '../db/database.js';
import { markJobRunning } from '../db/jobs/job-progress.repository.js';
import { runImport } from '../domain/imports/run-import.js';
import { schoolImportInBatchesOf } from '../domain/registry/schools/run-school-import.js';
import type { FileStorage } from '../files/file-storage.js';

/** The id of the queue job an import was started with (its `import.start` audit row has it). */
export async function importJobId(database: Database, importId: string): Promise<string> {
  const rows = await database.rows<{ job_id: string }>(
    sql`SELECT details->>'jobId' AS job_id FROM audit_log WHERE action = 'import.start' AND entity_id = ${importId}`,
  );
  if (!rows[0]) throw new Error(`import ${importId} has no start`);
  return rows[0].job_id;
}

/**
 * `database` as seen by a process with another instance id whose transactions stop at the `batches + 1`-th: the
 * process was killed just before it began that batch. `reached` settles then; the run never goes on, fails or
 * reports anything, as after kill -9.
 */
export function killedAfter(
  database: Database,
  batches: number,
  instanceId: string,
): { database: Database; reached: Promise<void> } {
  let calls = 0;
  let reach = () => {};
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const db = new Proxy(database.db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (work: Parameters<Db['transaction']>[0]) => {
          calls += 1;
          if (calls <= batches) return target.transaction(work);
          reach();
          return new Promise(() => {});
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { database: { ...database, instanceId, db }, reached };
}

/**
 * Leaves an import as a server killed in the middle of it does: pg-boss's job active (fetched), job_progress
 * running on the dead instance, the import running there with `batches` batches of `batchSize` rows committed.
 */
export async function crashImport(
  deps: { database: Database; storage: FileStorage },
  importId: string,
  options: { batches: number; batchSize: number; instanceId?: string },
): Promise<{ jobId: string; instanceId: string }> {
  const { database } = deps;
  const instanceId = options.instanceId ?? `dead-${uuidv7()}`;
  const jobId = await importJobId(database, importId);
  // What pg-boss's fetch does, then what run-job.ts does before calling the handler.
  await database.rows(sql`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = ${jobId}::uuid`);
  await markJobRunning(database.db, { id: jobId, kind: 'import.schools' }, instanceId);
  const killed = killedAfter(database, options.batches, instanceId);
  const run = runImport(
    { database: killed.database, storage: deps.storage },
    importId,
    { progress: async () => {}, signal: new AbortController().signal },
    { schools: schoolImportInBatchesOf(options.batchSize) },
  );
  // The run never settles once killed; one that settles before ended (or failed) too early, which the test must see.
  await Promise.race([
    killed.reached,
    run.then((outcome) => {
      throw new Error(`the import ended ${outcome.status} before ${options.batches} batches were committed`);
    }),
  ]);
  return { jobId, instanceId };
}

const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as { failJobsByTimeout(schema: string): string };

/**
 * Runs pg-boss's own expiry (its maintenance does every two minutes) as if `hours` had passed since the active jobs
 * started: an expired job still active is failed and queued for a retry, now rather than after its retry delay.
 */
export async function expireActiveJobs(database: Database, hours: number): Promise<void> {
  await database.rows(
    sql`UPDATE pgboss.job SET started_on = started_on - make_interval(hours => ${hours}) WHERE state = 'active'`,
  );
  await database.rawQuery(plans.failJobsByTimeout('pgboss'));
  await database.rows(sql`UPDATE pgboss.job SET start_after = now() WHERE state = 'retry'`);
}

/** The pg-boss state of a job. */
export async function bossState(database: Database, jobId: string): Promise<string | undefined> {
  const rows = await database.rows<{ state: string }>(sql`SELECT state::text AS state FROM pgboss.job WHERE id = ${jobId}::uuid`);
  return rows[0]?.state;
}
