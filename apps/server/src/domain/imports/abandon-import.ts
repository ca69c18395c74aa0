import { committedBatches, findImport, transitionImport, type ImportRow } from '../../db/imports/imports.repository.js';
import { AppError } from '../shared/app-error.js';
import { audit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { ownInterruptedImport } from './own-interrupted-import.js';

/**
 * Gives up an interrupted import: it becomes `abandoned`, and what its committed batches wrote stays in the registry
 * (nothing is rolled back: each batch is a complete change with its history and audit); its message says so.
 */
export async function abandonImport(ctx: Ctx, id: string): Promise<ImportRow> {
  const row = await ownInterruptedImport(ctx, id, 'abandoned');
  // Read again rather than trusted from the interruption: the counts of what stays are those of the batches committed.
  const c = await committedBatches(ctx.database, ctx.tx, id);
  const message =
    c.lastRow === null
      ? 'Abandoned. Nothing of it had been written.'
      : `Abandoned. The ${c.rows} rows written before the interruption (up to row ${c.lastRow} of the file: ${c.created} added, ${c.updated} updated, ${c.unchanged} unchanged) stay in the registry; the rest of the file was not imported.`;
  const changes = {
    status: 'abandoned',
    counts: { rows: c.rows, created: c.created, updated: c.updated, unchanged: c.unchanged, rejected: 0 },
    lastCommittedRow: c.lastRow,
    message,
    finishedAt: ctx.now,
  };
  if (!(await transitionImport(ctx.tx, id, { status: 'interrupted' }, changes))) {
    throw new AppError('IMPORT_NOT_INTERRUPTED', 'This import was resumed or abandoned meanwhile.');
  }
  await audit(ctx, { action: 'import.abandon', entity: 'import', entityId: id, details: { ...c } });
  return (await findImport(ctx.tx, id)) ?? row;
}
