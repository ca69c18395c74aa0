import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ProgressBar, type Output } from '@safeschools/cli';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config/config.js';
import { openDatabase } from '../db/open-database.js';
import { migrate } from '../db/migrate.js';
import { firstRowErrors, insertImport } from '../db/imports/imports.repository.js';
import { createFileStorage } from '../files/create-file-storage.js';
import { uploadFile } from '../domain/files/upload-file.js';
import { runImport } from '../domain/imports/run-import.js';
import type { ImportKind } from '../domain/imports/start-import.js';
import { isAppError } from '../domain/shared/app-error.js';
import { audit } from '../domain/shared/audit.js';
import { systemActor, type Ctx } from '../domain/shared/context.js';

const PROBLEMS_SHOWN = 20;

const contentTypes: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/plain',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.topojson': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface LocalImport {
  file: string;
  kind: ImportKind;
  dryRun: boolean;
  validRowsOnly: boolean;
  mapping: Record<string, string>;
  options: Record<string, unknown>;
}

/**
 * An import from a file on this machine, by the same rules as the web import: the file is stored, the import is
 * recorded and audited, then run here (not on the queue) with a progress bar. Ctrl-C stops between batches: what
 * was committed stays and the import is marked failed. Returns the exit code.
 */
export async function runLocalImport(config: Config, out: Output, input: LocalImport): Promise<number> {
  const database = await openDatabase(config);
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    await migrate(database);
    const storage = await createFileStorage(config);
    const ctx: Ctx = { database, tx: database.db, actor: systemActor, requestId: 'cli', now: new Date() };
    const stored = await uploadFile(ctx, storage, {
      name: path.basename(input.file),
      contentType: contentTypes[path.extname(input.file).toLowerCase()] ?? 'application/octet-stream',
      body: createReadStream(input.file),
      maxBytes: Number.MAX_SAFE_INTEGER,
    });
    const id = uuidv7();
    await database.db.transaction(async (tx) => {
      await insertImport(tx, {
        id,
        kind: input.kind,
        dryRun: input.dryRun,
        validRowsOnly: input.validRowsOnly,
        fileId: stored.id,
        fileName: stored.name,
        mapping: input.mapping,
        options: input.options,
        createdBy: null,
      });
      await audit({ ...ctx, tx }, { action: 'import.start', entity: 'import', entityId: id, details: { kind: input.kind, dryRun: input.dryRun, via: 'cli' } });
    });
    const bar = new ProgressBar(out, `Importing ${stored.name}`);
    const outcome = await runImport({ database, storage }, id, {
      progress: async (fraction, message) => bar.update(fraction ?? 0, message ?? ''),
      signal: abort.signal,
    });
    bar.done(outcome.status);
    const c = outcome.counts;
    out.info(`Import ${id}: ${outcome.status}. ${c.rows} rows: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} refused.`);
    if (outcome.message) out.info(outcome.message);
    const { rows, total } = await firstRowErrors(database.db, id, PROBLEMS_SHOWN);
    for (const p of rows) {
      out.info(`  row ${p.rowNumber}${p.columnName ? ` [${p.columnName}]` : ''} ${p.severity} ${p.code}: ${p.message}${p.value ? ` (${p.value})` : ''}`);
    }
    if (total > rows.length) out.info(`  … and ${total - rows.length} more problems.`);
    return outcome.status === 'completed' || outcome.status === 'validated' ? 0 : 1;
  } catch (error) {
    if (isAppError(error)) {
      out.error(`${error.code}: ${error.detail ?? ''}`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    await database.close();
  }
}

/** A JSON object given on the command line, or the message to show when it is not one. */
export function jsonObjectOption(text: string | undefined, name: string): Record<string, unknown> | string {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return `--${name} must be a JSON object.`;
}
