import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ProgressBar, type Command } from '@safeschools/cli';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../db/open-database.js';
import { migrate } from '../db/migrate.js';
import { firstRowErrors, insertImport } from '../db/imports/imports.repository.js';
import { createFileStorage } from '../files/create-file-storage.js';
import { uploadFile } from '../domain/files/upload-file.js';
import { runImport } from '../domain/imports/run-import.js';
import { isAppError } from '../domain/shared/app-error.js';
import { audit } from '../domain/shared/audit.js';
import { systemActor, type Ctx } from '../domain/shared/context.js';
import { configOrExit } from './load-config.js';

const contentTypes: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/plain',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function parseMapping(text: string | undefined): Record<string, string> {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('--mapping must be a JSON object of field → column');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

export const importSchoolsCommand: Command = {
  name: 'import schools',
  summary: 'Import schools from a CSV or GeoJSON file into the registry (same rules as the web import)',
  usage: 'import schools FILE [--dry-run] [--valid-rows-only] [--mapping JSON] [--country IN] [--code-system udise]',
  options: {
    'dry-run': { type: 'boolean', description: 'Check and count, write nothing' },
    'valid-rows-only': { type: 'boolean', description: 'Write the valid rows even when others are refused' },
    mapping: { type: 'string', description: 'JSON object of field → column, e.g. {"school_id_govt":"CODE"}' },
    country: { type: 'string', description: 'ISO country code of the schools', default: 'IN' },
    'code-system': { type: 'string', description: 'Code system of the school codes', default: 'udise' },
  },
  run: async ({ options, positionals, out }) => {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      out.error('Give exactly one FILE to import.');
      return 64;
    }
    let mapping: Record<string, string>;
    try {
      mapping = parseMapping(options.mapping as string | undefined);
      await stat(file);
    } catch (error) {
      out.error(error instanceof Error ? error.message : String(error));
      return 64;
    }
    const config = configOrExit(out.error);
    if (!config) return 2;
    const database = await openDatabase(config);
    // Ctrl-C stops between batches: what was committed stays, the import is marked failed.
    const abort = new AbortController();
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    try {
      await migrate(database);
      const storage = await createFileStorage(config);
      const ctx: Ctx = { database, tx: database.db, actor: systemActor, requestId: 'cli', now: new Date() };
      const name = path.basename(file);
      const stored = await uploadFile(ctx, storage, {
        name,
        contentType: contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        body: createReadStream(file),
        maxBytes: Number.MAX_SAFE_INTEGER,
      });
      const id = uuidv7();
      await database.db.transaction(async (tx) => {
        const dryRun = options['dry-run'] === true;
        await insertImport(tx, {
          id,
          kind: 'schools',
          dryRun,
          validRowsOnly: options['valid-rows-only'] === true,
          fileId: stored.id,
          fileName: stored.name,
          mapping,
          options: { countryCode: options.country as string, codeSystem: options['code-system'] as string },
          createdBy: null,
        });
        await audit(
          { ...ctx, tx },
          { action: 'import.start', entity: 'import', entityId: id, details: { kind: 'schools', dryRun, via: 'cli' } },
        );
      });
      const bar = new ProgressBar(out, `Importing ${name}`);
      const outcome = await runImport({ database, storage }, id, {
        progress: async (fraction, message) => bar.update(fraction ?? 0, message ?? ''),
        signal: abort.signal,
      });
      bar.done(outcome.status);
      const c = outcome.counts;
      out.info(
        `Import ${id}: ${outcome.status}. ${c.rows} rows: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} refused.`,
      );
      if (outcome.message) out.info(outcome.message);
      const { rows, total } = await firstRowErrors(database.db, id, 20);
      for (const p of rows)
        out.info(
          `  row ${p.rowNumber}${p.columnName ? ` [${p.columnName}]` : ''} ${p.severity} ${p.code}: ${p.message}${p.value ? ` (${p.value})` : ''}`,
        );
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
  },
};
