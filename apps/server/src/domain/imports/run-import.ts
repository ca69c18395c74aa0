import type { Readable } from 'node:stream';
import { findFile } from '../../db/files/files.repository.js';
import {
  clearRowErrors,
  committedBatches,
  findImport,
  insertRowErrors,
  transitionImport,
  updateImport,
} from '../../db/imports/imports.repository.js';
import type { Database } from '../../db/database.js';
import type { FileStorage } from '../../files/file-storage.js';
import { AppError, isAppError } from '../shared/app-error.js';
import type { ImportOutcome, ImportRunContext, ImportRunner, RowProblem } from './import-runner.js';
import { importRunners } from './import-runners.js';
import { importActor } from './import-actor.js';
import type { ImportKind } from './start-import.js';
import type { Actor } from '../shared/context.js';

export const MAX_STORED_PROBLEMS = 10_000;

/**
 * Runs one import from its row: opens the stored file, hands it to the runner of its kind, and records
 * progress, row problems and the outcome. Idempotent: a retried or resumed run goes on after the last batch an
 * earlier run committed (their audit rows say which), counting what those wrote.
 */
export async function runImport(
  deps: { database: Database; storage: FileStorage },
  importId: string,
  job: { progress(fraction: number | null, message?: string): Promise<void>; signal: AbortSignal },
  runners: Readonly<Record<string, ImportRunner>> = importRunners,
): Promise<ImportOutcome> {
  const { database, storage } = deps;
  const row = await findImport(database.db, importId);
  if (!row) throw new AppError('NOT_FOUND', `import ${importId} does not exist`);
  const runner = runners[row.kind];
  if (!runner) throw new AppError('VALIDATION_FAILED', `no importer for ${row.kind}`);
  const file = row.fileId ? await findFile(database.db, row.fileId) : undefined;
  if (!file) throw new AppError('IMPORT_FILE_INVALID', 'The uploaded file is missing.');
  // The author's rights as they are now; rights lost since the import was queued refuse it before anything is read.
  let actor: Actor;
  try {
    actor = await importActor(database.db, row.createdBy, row.kind as ImportKind);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const message = error.detail ?? error.code;
    await updateImport(database.db, importId, {
      status: 'rejected',
      error: { code: error.code, message },
      finishedAt: new Date(),
    });
    return { status: 'rejected', counts: row.counts, columns: [], mapping: row.mapping, message };
  }
  await clearRowErrors(database.db, importId);
  const committed = await committedBatches(database, database.db, importId);
  // Recorded as this process's work: should the process die, a sweep finds the import by it (interrupt-import.ts).
  const running = { status: 'running', instanceId: database.instanceId };
  await updateImport(database.db, importId, {
    ...running,
    progress: 0,
    message: null,
    error: null,
    lastCommittedRow: committed.lastRow,
  });
  let stored = 0;
  const ctx: ImportRunContext = {
    database,
    importId,
    fileName: row.fileName,
    dryRun: row.dryRun,
    validRowsOnly: row.validRowsOnly,
    mapping: row.mapping,
    options: row.options,
    actorId: row.createdBy,
    scope: actor.scope,
    resumeAfterRow: committed.lastRow ?? 0,
    committed: { created: committed.created, updated: committed.updated, unchanged: committed.unchanged },
    now: new Date(),
    signal: job.signal,
    openFile: (): Promise<Readable> => storage.get(file.storageKey),
    async progress(fraction, message) {
      await job.progress(fraction, message);
      // No longer running here: a sweep took this process for dead and marked it interrupted. Stop writing.
      if (!(await transitionImport(database.db, importId, running, { progress: fraction, message: message ?? null })))
        throw new AppError('WORK_INTERRUPTED', 'The import was marked interrupted while it ran; resume it to go on.');
    },
    async report(problems: readonly RowProblem[]) {
      const room = Math.max(0, MAX_STORED_PROBLEMS - stored);
      const kept = problems.slice(0, room);
      stored += kept.length;
      await insertRowErrors(
        database.db,
        kept.map((p) => ({
          importId,
          rowNumber: p.row,
          columnName: p.column ?? null,
          severity: p.severity,
          code: p.code,
          message: p.message.slice(0, 500),
          value: p.value?.slice(0, 200) ?? null,
        })),
      );
    },
  };
  try {
    const outcome = await runner(ctx);
    await updateImport(database.db, importId, {
      status: outcome.status,
      counts: outcome.counts,
      mapping: outcome.mapping,
      options: { ...row.options, columns: outcome.columns },
      progress: 1,
      message: outcome.message ?? null,
      finishedAt: new Date(),
    });
    return outcome;
  } catch (error) {
    // Marked interrupted meanwhile: leave the row as the sweep left it, for its author to resume or abandon.
    if (isAppError(error) && error.code === 'WORK_INTERRUPTED') throw error;
    const code = isAppError(error) ? error.code : 'INTERNAL';
    const message = isAppError(error) ? (error.detail ?? error.code) : 'The import failed on the server.';
    // A file that cannot be read is rejected, and will not read better on a retry; anything else failed.
    await updateImport(database.db, importId, {
      status: isAppError(error) ? 'rejected' : 'failed',
      error: { code, message },
      finishedAt: new Date(),
    });
    if (isAppError(error)) return { status: 'rejected', counts: row.counts, columns: [], mapping: row.mapping, message };
    throw error;
  }
}
