import type { ImportOutcome, ImportRunner, RowProblem } from '../../imports/import-runner.js';
import type { ImportCounts } from '../../../db/schema.js';
import { scanFile } from './decode-text.js';
import type { SchoolRow } from './school-row.js';
import { progressReporter, validatedRows } from './validated-rows.js';
import { PlacementAreas } from './place-schools.js';
import { writeSchoolBatch, type RegistryKey } from './write-school-batch.js';

// Big batches: each is one COPY and a handful of set-based statements, whose fixed cost then hardly counts.
export const BATCH_SIZE = 20_000;
const STORED_PROBLEMS = 10_000;

/**
 * Imports schools from CSV, GeoJSON or XLSX in two streaming passes: the first validates every row and stores the
 * problems; the second (when allowed) places each row and writes batches of 20,000 rows through a staging table,
 * each in its own transaction (write-school-batch.ts). Nothing is written when any row is refused, unless "valid rows only" was chosen.
 */
export const runSchoolImport: ImportRunner = (ctx) => schoolImportInBatchesOf(BATCH_SIZE)(ctx);

/** The same import in batches of another size: tests use small ones to write many batches from a small file. */
export const schoolImportInBatchesOf =
  (batchSize: number): ImportRunner =>
  async (ctx) => {
    const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() ? value.trim() : fallback);
    const key: RegistryKey = {
      countryCode: text(ctx.options.countryCode, 'IN').toUpperCase(),
      codeSystem: text(ctx.options.codeSystem, 'udise'),
    };
    const scan = await scanFile(await ctx.openFile());
    // A resumed run starts from what the committed batches of the earlier one wrote (ctx.committed).
    const counts: ImportCounts = { rows: 0, rejected: 0, ...ctx.committed };
    const state = { columns: [] as string[], mapping: {} as Record<string, string> };
    let pending: RowProblem[] = [];
    let stored = 0;
    const flush = async () => {
      if (stored < STORED_PROBLEMS && pending.length) await ctx.report(pending);
      stored += pending.length;
      pending = [];
    };
    if (scan.encoding !== 'utf-8') {
      pending.push({
        row: 0,
        severity: 'warning',
        code: 'ENCODING',
        message: `The file is not UTF-8; it was read as ${scan.encoding} (Latin-1). Check names with accents, and save as CSV UTF-8 next time.`,
      });
    }
    const first = progressReporter(ctx, scan.bytes);
    let lastRow = 0;
    for await (const result of validatedRows(ctx, scan, key, first, state)) {
      pending.push(...result.problems);
      if (!result.empty) counts.rows += 1;
      lastRow = result.row;
      if (!result.empty && !result.school) counts.rejected += 1;
      if (pending.length >= 1000) await flush();
      if (result.row % 1000 === 0) ctx.signal.throwIfAborted();
      await first.tick(first.byBytes(), `Checked ${counts.rows} rows`);
    }
    await flush();
    ctx.signal.throwIfAborted();
    const invalid = counts.rejected > 0 && !ctx.validRowsOnly;
    if (invalid && !ctx.dryRun)
      return outcome('rejected', counts, state, `${counts.rejected} of ${counts.rows} rows have errors; nothing was imported.`);

    // Rows outside the importer's scope are known only once placed against the registry, so a scoped import that
    // writes compares the whole file first: one such row refuses the import before anything is written (unless
    // valid rows only was chosen), like any other refused row.
    const refused = new Set<number>();
    const pass = async (write: boolean, from: number, span: number) => {
      const progress = progressReporter(ctx, scan.bytes);
      const verb = !write ? (ctx.dryRun ? 'Compared' : 'Checked your area for') : 'Imported';
      let batch: SchoolRow[] = [];
      const areas = new PlacementAreas();
      // On PostgreSQL the next batch is read and validated while the server writes the last one (another process, so
      // another core). PGlite runs in this thread and has one connection that progress reports would share: in turn.
      const overlap = ctx.database.kind === 'postgresql';
      let writing: Promise<void> = Promise.resolve();
      const run = async () => {
        ctx.signal.throwIfAborted();
        const rows = batch;
        batch = [];
        await writing;
        writing = writeSchoolBatch(ctx, key, rows, write, areas).then(async (written) => {
          counts.created += written.created;
          counts.updated += written.updated;
          counts.unchanged += written.unchanged;
          const fresh = written.outOfScope.filter((r) => !refused.has(r.row));
          for (const r of fresh) refused.add(r.row);
          counts.rejected += fresh.length;
          pending.push(...fresh.map((r) => outOfScopeProblem(r.row, r.code)));
          await flush();
        });
        // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
        writing.catch(() => {});
        if (!overlap) await writing;
      };
      try {
        for await (const result of validatedRows(ctx, scan, key, progress, state)) {
          // Rows up to ctx.resumeAfterRow were written by an earlier run's committed batches: not written twice.
          if (result.school && !refused.has(result.row) && !(write && result.row <= ctx.resumeAfterRow))
            batch.push(result.school);
          if (batch.length >= batchSize) await run();
          await progress.tick(from + (span * result.row) / Math.max(1, lastRow), `${verb} row ${result.row} of ${lastRow}`);
        }
        if (batch.length) await run();
      } finally {
        // Never return (or fail) while a batch is still being written.
        await writing.catch(() => {});
      }
      await writing;
    };
    if (ctx.scope.kind !== 'all' && !ctx.dryRun) {
      await pass(false, 0.5, 0.25);
      const outside = refused.size;
      // The comparison counted every row; what stands is what earlier runs of this import committed (on a resume).
      Object.assign(counts, ctx.committed);
      if (outside > 0 && !ctx.validRowsOnly) {
        const kept =
          ctx.resumeAfterRow > 0
            ? 'nothing more was imported; the rows written before the interruption stay'
            : 'nothing was imported';
        return outcome(
          'rejected',
          counts,
          state,
          `${outside} of ${counts.rows} rows would change schools outside your area; ${kept}.`,
        );
      }
      await pass(true, 0.75, 0.25);
    } else {
      await pass(!ctx.dryRun, 0.5, 0.5);
    }
    await ctx.progress(1, ctx.dryRun ? 'Compared' : 'Imported');
    const summary = `${counts.rows} rows: ${counts.created} new, ${counts.updated} changed, ${counts.unchanged} unchanged, ${counts.rejected} refused`;
    const blocked = counts.rejected > 0 && !ctx.validRowsOnly;
    if (ctx.dryRun) return outcome(blocked ? 'rejected' : 'validated', counts, state, `Dry run, nothing written. ${summary}.`);
    return outcome('completed', counts, state, `${summary}.`);
  };

function outcome(
  status: ImportOutcome['status'],
  counts: ImportCounts,
  state: { columns: string[]; mapping: Record<string, string> },
  message: string,
): ImportOutcome {
  return { status, counts, columns: state.columns, mapping: state.mapping, message };
}

/** The row problem of a row outside the importer's scope; the code is taken elsewhere or the place is not theirs. */
function outOfScopeProblem(row: number, code: string): RowProblem {
  return {
    row,
    column: null,
    severity: 'error',
    code: 'OUTSIDE_SCOPE',
    message: 'Outside your area: this row would create, change or move a school outside the areas you are responsible for.',
    value: code,
  };
}
