import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Scope } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../../db/database.js';
import { insertImport } from '../../../db/imports/imports.repository.js';
import type { ImportOutcome, RowProblem } from '../../imports/import-runner.js';
import { BATCH_SIZE, schoolImportInBatchesOf } from './run-school-import.js';

export interface HarnessRun extends ImportOutcome {
  importId: string;
  problems: RowProblem[];
  progress: number[];
}

/**
 * Runs the school importer on bytes or a file without storage or a queue, as tests and benchmarks need; the
 * import row exists so reviews can point at it.
 */
export async function runSchoolImportOn(
  database: Database,
  source: { bytes: Buffer | string } | { path: string | URL },
  options: {
    fileName?: string;
    dryRun?: boolean;
    validRowsOnly?: boolean;
    mapping?: Record<string, string>;
    options?: Record<string, unknown>;
    signal?: AbortSignal;
    batchSize?: number;
    /** Whose rights the import runs with: everywhere unless a test says otherwise. */
    scope?: Scope;
    actorId?: string | null;
  } = {},
): Promise<HarnessRun> {
  const importId = uuidv7();
  const fileName = options.fileName ?? ('path' in source ? String(source.path).split('/').at(-1)! : 'schools.csv');
  await insertImport(database.db, {
    id: importId,
    kind: 'schools',
    fileName,
    dryRun: options.dryRun ?? false,
    validRowsOnly: options.validRowsOnly ?? false,
  });
  const problems: RowProblem[] = [];
  const progress: number[] = [];
  const outcome = await schoolImportInBatchesOf(options.batchSize ?? BATCH_SIZE)({
    database,
    importId,
    fileName,
    dryRun: options.dryRun ?? false,
    validRowsOnly: options.validRowsOnly ?? false,
    mapping: options.mapping ?? {},
    options: options.options ?? {},
    actorId: options.actorId ?? null,
    scope: options.scope ?? { kind: 'all' },
    resumeAfterRow: 0,
    committed: { created: 0, updated: 0, unchanged: 0 },
    now: new Date(),
    signal: options.signal ?? new AbortController().signal,
    openFile: async () =>
      'path' in source
        ? createReadStream(source.path, { highWaterMark: 256 * 1024 })
        : Readable.from([Buffer.from(source.bytes)]),
    progress: async (fraction) => {
      if (fraction !== null) progress.push(fraction);
    },
    report: async (found) => {
      problems.push(...found);
    },
  });
  return { ...outcome, importId, problems, progress };
}
