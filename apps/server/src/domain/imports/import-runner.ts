import type { Readable } from 'node:stream';
import type { Scope } from '@safeschools/domain';
import type { ImportCounts } from '../../db/schema.js';
import type { Database } from '../../db/database.js';

/** A problem with one row (or, with row 0, the whole file), reported to the person importing. */
export interface RowProblem {
  row: number;
  column?: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  value?: string | null;
}

export interface ImportRunContext {
  readonly database: Database;
  readonly importId: string;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly validRowsOnly: boolean;
  /** Field → column as the user gave it; runners fill in suggestions for fields left out. */
  readonly mapping: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
  readonly actorId: string | null;
  /**
   * Where the person who started the import may write, read again when the job runs (rights taken away meanwhile
   * count): every row that would create, change or move a school outside it is refused. `all` for the system.
   */
  readonly scope: Scope;
  /**
   * Rows up to this file row were written by committed batches of an earlier run (interrupted, then resumed, or
   * retried): the writing pass skips them. 0 for a first run.
   */
  readonly resumeAfterRow: number;
  /** What those committed batches wrote; the run's counts start from these and add to them. */
  readonly committed: Readonly<Pick<ImportCounts, 'created' | 'updated' | 'unchanged'>>;
  readonly now: Date;
  readonly signal: AbortSignal;
  /** A fresh stream of the uploaded bytes each call (runners may read twice: validate, then write). */
  openFile(): Promise<Readable>;
  progress(fraction: number | null, message?: string): Promise<void>;
  /** Stored in import_row_errors (the first 10,000; the rest are counted). */
  report(problems: readonly RowProblem[]): Promise<void>;
}

export interface ImportOutcome {
  /**
   * `validated`: a dry run that found no blocking problem; `completed`: written; `rejected`: blocking problems
   * and nothing written (unless valid rows only was chosen, which writes the valid rows and completes).
   */
  status: 'validated' | 'completed' | 'rejected';
  counts: ImportCounts;
  columns: string[];
  mapping: Record<string, string>;
  message?: string;
}

/** One per import kind: reads the file, validates every row, and (unless a dry run) writes in transactions. */
export type ImportRunner = (ctx: ImportRunContext) => Promise<ImportOutcome>;
