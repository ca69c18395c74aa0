import type { Executor } from '../db/database.js';

/** What a running job can tell the people waiting for it. */
export interface JobContext {
  readonly jobId: string;
  /** `fraction` in 0..1, or null when unknown; written to job_progress for the UI to poll. */
  progress(fraction: number | null, message?: string): Promise<void>;
  /** Aborted when the server shuts down and the job did not finish within the grace period. */
  readonly signal: AbortSignal;
  /**
   * Writes to make in the transaction that records the job completed, after the handler returns. A job whose
   * result is rows of its own (an export's file and audit row) registers them here: a kill then leaves both the
   * rows and the completion, or neither and the job is run again or shown interrupted — never a result no job has.
   */
  atCompletion(write: (tx: Executor) => Promise<void>): void;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<unknown>;

export interface EnqueueOptions {
  ownerId: string | null;
  /** Two jobs with the same key never run at once; the second waits (e.g. one import per file). */
  singletonKey?: string;
  retryLimit?: number;
  /** Not before this many seconds from now (a retry after a provider's Retry-After, a fallback channel). */
  startAfterSeconds?: number;
  /**
   * The request's transaction: the job and its job_progress row then exist only if the request commits. Needed
   * on PGlite when enqueueing from inside a transaction (one connection: a second one would wait forever).
   */
  tx?: Executor;
}

export interface RegisterOptions {
  /** Jobs fetched per poll; a batch runs concurrently. 1 for heavy jobs (imports), more for small ones. */
  batchSize?: number;
  /** A run longer than this is failed (and retried) by pg-boss; the handler's signal is aborted too. */
  expireInSeconds?: number;
  retryLimit?: number;
  /** First retry after this many seconds, doubling each time (pg-boss retryBackoff). */
  retryDelaySeconds?: number;
  /**
   * What becomes of a run whose server died: 'show' (marked interrupted for the person who started it to run
   * again: an export) or 'rerun' (run again from its payload at once: work nobody waits on and that is safe to
   * repeat, such as alert fan-out and delivery, feed polls, housekeeping).
   */
  whenInterrupted?: 'show' | 'rerun';
}

/**
 * Background work on a queue kept in PostgreSQL (pg-boss), so the embedded and the server database both carry
 * it and no extra service is needed. Handlers must be idempotent: a job may run again after a crash.
 */
export interface JobQueue {
  register<P>(kind: string, handler: JobHandler<P>, options?: RegisterOptions): void;
  /** Runs `kind` on a cron schedule (UTC) while workers run; registered kinds only. */
  schedule(kind: string, cron: string, payload?: Record<string, unknown>): void;
  /** Installs pg-boss's schema and the queues without taking work (enqueue-only nodes, PGlite transactions). */
  prepare(): Promise<void>;
  start(): Promise<void>;
  /** Returns the job id, also the id of its job_progress row. */
  enqueue<P>(kind: string, payload: P, options: EnqueueOptions): Promise<string>;
  /**
   * Cancels a job that has not finished (waiting, or active on a process that died), so pg-boss never runs it
   * again, even when its expiry passes. `tx`: inside that transaction (see `EnqueueOptions.tx`).
   */
  cancel(kind: string, id: string, tx?: Executor): Promise<void>;
  /**
   * For a kind registered with `whenInterrupted: 'rerun'`: queues the job `id` again with its payload (inside `tx`),
   * answering true; false for other kinds.
   */
  rerun(kind: string, id: string, tx: Executor): Promise<boolean>;
  /** Stops taking new jobs and waits up to `timeoutMs` for running ones, then aborts their signal. */
  stop(timeoutMs: number): Promise<void>;
  readonly running: boolean;
}
