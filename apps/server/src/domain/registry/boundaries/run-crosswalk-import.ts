import { parse } from 'csv-parse/sync';
import { uuidv7 } from 'uuidv7';
import { insertAudit } from '../../../db/audit/audit.repository.js';
import { listCodedAreas, updateAreaCodes } from '../../../db/registry/boundaries/boundary-areas.repository.js';
import type { ImportRunner } from '../../imports/import-runner.js';
import { AppError } from '../../shared/app-error.js';
import { flattenCrosswalkMapping, resolveCrosswalkOptions } from './crosswalk-options.js';
import { matchCrosswalkRows } from './match-crosswalk-rows.js';
import { readWholeFile } from './read-whole-file.js';

function readCsv(bytes: Buffer): { header: string[]; records: string[][] } {
  let rows: string[][];
  try {
    rows = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `The crosswalk is not a readable CSV file (${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}).`,
    );
  }
  const [header, ...records] = rows;
  if (!header || !records.length) throw new AppError('IMPORT_FILE_INVALID', 'The crosswalk has no rows under its header.');
  return { header, records };
}

/**
 * A code crosswalk (e.g. LGD ↔ Census 2011): each row names an area by a code it already has and adds the
 * codes of other systems, so schools declared in any of them land in the same district.
 */
export const runCrosswalkImport: ImportRunner = async (ctx) => {
  const { header, records } = readCsv(await readWholeFile(ctx));
  const options = resolveCrosswalkOptions(ctx.options, header);
  await ctx.progress(0.2, `Read ${records.length} rows`);
  const areas = await listCodedAreas(ctx.database, options.countryCode, options.level);
  const { changes, problems, unmatched, errorRows } = matchCrosswalkRows(header, records, areas, options);
  const blocked = errorRows.size > 0 && !ctx.validRowsOnly;
  const write = !ctx.dryRun && !blocked;
  if (write) {
    await ctx.database.db.transaction(async (tx) => {
      for (const c of changes) await updateAreaCodes(ctx.database, tx, c.area.id, c.codes, c.names);
      await insertAudit(tx, {
        id: uuidv7(),
        at: ctx.now,
        actorId: ctx.actorId,
        action: 'import.crosswalk',
        entity: 'import',
        entityId: ctx.importId,
        beforeVersion: null,
        afterVersion: null,
        requestId: `import:${ctx.importId}`,
        // Which codes changed on which area, so a wrong crosswalk can be traced and undone.
        details: {
          level: options.level,
          updated: changes.length,
          changes: Object.fromEntries(changes.slice(0, 1000).map((c) => [c.area.id, c.before])),
        },
      });
    });
  }
  await ctx.report(problems);
  const counts = {
    rows: records.length,
    created: 0,
    updated: changes.length,
    unchanged: records.length - changes.length - errorRows.size,
    rejected: errorRows.size,
  };
  const verb = write
    ? 'Added codes to'
    : blocked
      ? 'Nothing written; would add codes to'
      : 'Dry run, nothing written; would add codes to';
  return {
    status: blocked ? 'rejected' : ctx.dryRun ? 'validated' : 'completed',
    counts,
    columns: header,
    mapping: flattenCrosswalkMapping(options),
    message: `${verb} ${changes.length} ${options.level}(s); ${unmatched} row(s) match no stored ${options.level} (no boundary for them yet, e.g. created after the map) and are left as warnings; ${errorRows.size} row(s) with errors.`,
  };
};
