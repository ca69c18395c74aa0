import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ProgressBar, type Command } from '@safeschools/cli';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../db/open-database.js';
import { migrate } from '../db/migrate.js';
import { firstRowErrors, insertImport } from '../db/imports/imports.repository.js';
import { runImport } from '../domain/imports/run-import.js';
import { uploadFile } from '../domain/files/upload-file.js';
import { isAppError } from '../domain/shared/app-error.js';
import { systemActor } from '../domain/shared/context.js';
import { createFileStorage } from '../files/create-file-storage.js';
import { configOrExit } from './load-config.js';

const PROBLEMS_SHOWN = 20;

function parseOptions(text: string | undefined): Record<string, unknown> | string {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  return '--options must be a JSON object, e.g. \'{"validFrom":"2026-04-01"}\'.';
}

/** Imports admin boundaries or a code crosswalk from a file on this machine, as the API would, with a progress bar. */
export const importBoundariesCommand: Command = {
  name: 'import boundaries',
  summary: 'Import admin boundaries (GeoJSON/TopoJSON) or a code crosswalk (CSV)',
  usage: 'import boundaries FILE [--kind boundaries|crosswalk] [--level district] [--dry-run] [--options JSON]',
  options: {
    kind: { type: 'string', description: 'boundaries | crosswalk (default: crosswalk for .csv files)' },
    level: { type: 'string', description: 'Only this level (state | district | block); for a crosswalk, the level it codes' },
    'dry-run': { type: 'boolean', description: 'Check everything, write nothing' },
    'valid-rows-only': { type: 'boolean', description: 'Write the valid rows even when others have errors' },
    options: { type: 'string', description: 'Importer options as JSON (mapping, codeSystem, validFrom, ...)' },
  },
  run: async ({ options, positionals, out }) => {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      out.error('Give exactly one FILE to import.');
      return 64;
    }
    const size = await stat(file).catch(() => null);
    if (!size?.isFile()) {
      out.error(`No such file: ${file}`);
      return 66;
    }
    const isCsv = /\.(csv|txt)$/i.test(file);
    const kind = (options.kind as string | undefined) ?? (isCsv ? 'crosswalk' : 'boundaries');
    if (kind !== 'boundaries' && kind !== 'crosswalk') {
      out.error(`Unknown --kind ${kind}: boundaries or crosswalk.`);
      return 64;
    }
    const importOptions = parseOptions(options.options as string | undefined);
    if (typeof importOptions === 'string') {
      out.error(importOptions);
      return 64;
    }
    if (options.level) importOptions.level = options.level;
    const config = configOrExit(out.error);
    if (!config) return 2;
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const storage = await createFileStorage(config);
      const ctx = { database, tx: database.db, actor: systemActor, requestId: 'cli', now: new Date() };
      const stored = await uploadFile(ctx, storage, {
        name: path.basename(file),
        contentType: isCsv ? 'text/csv' : 'application/json',
        body: createReadStream(file),
        maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
      });
      const row = await insertImport(database.db, {
        id: uuidv7(),
        kind,
        dryRun: options['dry-run'] === true,
        validRowsOnly: options['valid-rows-only'] === true,
        fileId: stored.id,
        fileName: stored.name,
        mapping: {},
        options: importOptions,
        createdBy: null,
      });
      const bar = new ProgressBar(out, `import ${kind}`);
      const outcome = await runImport({ database, storage }, row.id, {
        progress: async (fraction, message) => bar.update(fraction ?? 0, message ?? ''),
        signal: new AbortController().signal,
      });
      bar.done(outcome.status);
      const c = outcome.counts;
      out.info(
        `${outcome.status}: ${c.rows} rows, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected.`,
      );
      if (outcome.message) out.info(outcome.message);
      const { rows, total } = await firstRowErrors(database.db, row.id, PROBLEMS_SHOWN);
      for (const p of rows)
        out.info(`  row ${p.rowNumber}${p.columnName ? ` [${p.columnName}]` : ''} ${p.severity} ${p.code}: ${p.message}`);
      if (total > rows.length) out.info(`  ... and ${total - rows.length} more (import ${row.id}).`);
      return outcome.status === 'completed' || outcome.status === 'validated' ? 0 : 1;
    } catch (error) {
      if (isAppError(error)) {
        out.error(`${error.code}: ${error.detail ?? ''}`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
