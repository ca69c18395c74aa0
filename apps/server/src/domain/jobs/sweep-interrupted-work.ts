import { uuidv7 } from 'uuidv7';
import type { Database, Executor } from '../../db/database.js';
import { insertAudit } from '../../db/audit/audit.repository.js';
import { findQueuedImportOfJob, findRunningImports } from '../../db/imports/imports.repository.js';
import { liveInstanceIds } from '../../db/instances/live-instances.repository.js';
import {
  findRunningJobs,
  findStrandedClaims,
  markClaimInterrupted,
  markJobInterrupted,
} from '../../db/jobs/job-progress.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { interruptImport } from '../imports/interrupt-import.js';

export interface SweptWork {
  imports: string[];
  jobs: string[];
  /** Set when who is alive could not be told (see liveInstanceIds): nothing of other instances was touched. */
  presenceUnknown?: true;
}

const interrupted = {
  code: 'WORK_INTERRUPTED',
  message: 'The server running this job stopped before it finished. Start it again.',
} as const;

/**
 * Finds the imports and jobs left running by a server process that is gone (killed, crashed, its host lost) and
 * marks them interrupted: an import with what its committed batches wrote, so its author can resume or abandon it;
 * a job (an export, say) to be asked for again. Each job is cancelled in pg-boss in the same transaction, so the
 * queue never reruns it on its own when its expiry passes.
 *
 * "Gone" is decided by `liveInstanceIds`: on PostgreSQL by the connections each instance holds (never by age, so a
 * slow import of a live instance is left alone); on PGlite only this process can be alive. Idempotent and safe to
 * run on several instances at once: every change is conditional on the row still running on the dead instance.
 */
export async function sweepInterruptedWork(
  deps: SweepDeps,
  now = new Date(),
): Promise<SweptWork> {
  const { database } = deps;
  const swept: SweptWork = { imports: [], jobs: [] };
  await sweepStrandedClaims(deps, now, swept);
  const runningImports = await findRunningImports(database.db);
  const runningJobs = await findRunningJobs(database.db);
  if (runningImports.length === 0 && runningJobs.length === 0) return swept;
  const live = await liveInstanceIds(database);
  if (!live) return { ...swept, presenceUnknown: true };
  // No instance recorded: the work was started before instances were (migration 0009), by a process since replaced.
  const dead = (instanceId: string | null) => instanceId === null || !live.has(instanceId);

  for (const row of runningImports.filter((r) => dead(r.instanceId))) {
    if (await interruptImport(database, row, now)) swept.imports.push(row.id);
  }
  for (const job of runningJobs.filter((j) => dead(j.instanceId))) {
    await interruptJob(deps, job, (tx) => markJobInterrupted(tx, job.id, job.instanceId, interrupted), now, swept);
  }
  return swept;
}

/**
 * A claimed job nobody started: on PGlite one claimed before this process began (only one process at a time holds
 * the database, so its fetcher is gone); on PostgreSQL one claimed half a minute ago, since a live instance marks a job
 * running within milliseconds of fetching it.
 */
async function sweepStrandedClaims(deps: SweepDeps, now: Date, swept: SweptWork): Promise<void> {
  const claimedBefore = deps.database.kind === 'pglite' ? thisProcessStarted : new Date(now.getTime() - STRANDED_CLAIM_MS);
  for (const job of await findStrandedClaims(deps.database, deps.database.db, claimedBefore)) {
    await interruptJob(deps, { ...job, instanceId: null }, (tx) => markClaimInterrupted(tx, job.id, interrupted), now, swept);
  }
}

// A live instance marks a claim running within milliseconds; run-job.ts refuses to start one a sweep took.
const STRANDED_CLAIM_MS = 30_000;
const thisProcessStarted = new Date(Date.now() - process.uptime() * 1000);

type SweepDeps = { database: Database; jobs: Pick<JobQueue, 'cancel' | 'rerun'> };

/** Marks one job interrupted (by `mark`, conditional on its state), cancels it in the queue, audits, in one transaction. */
async function interruptJob(
  deps: SweepDeps,
  job: { id: string; kind: string; instanceId: string | null },
  mark: (tx: Executor) => Promise<boolean>,
  now: Date,
  swept: SweptWork,
): Promise<void> {
  const { database, jobs } = deps;
  const done = await database.db.transaction(async (tx) => {
    if (!(await mark(tx))) return false;
    await jobs.cancel(job.kind, job.id, tx);
    // Work nobody waits on and that is safe to repeat (alert fan-out and delivery, polls) is queued again at once.
    const rerun = await jobs.rerun(job.kind, job.id, tx);
    await insertAudit(tx, {
      id: uuidv7(),
      at: now,
      actorId: null,
      action: 'job.interrupt',
      entity: 'job',
      entityId: job.id,
      requestId: `sweep:${database.instanceId}`,
      details: { kind: job.kind, deadInstance: job.instanceId, rerun },
    });
    return true;
  });
  if (!done) return;
  swept.jobs.push(job.id);
  // Its process died before the import's run began (or went on, once resumed): the import still says queued.
  const waiting = await findQueuedImportOfJob(database.db, job.id);
  if (waiting && (await interruptImport(database, waiting, now))) swept.imports.push(waiting.id);
}
