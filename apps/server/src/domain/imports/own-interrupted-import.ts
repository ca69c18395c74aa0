import { findImport, type ImportRow } from '../../db/imports/imports.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { checkImportAllowed, type ImportKind } from './start-import.js';

/**
 * An interrupted import the caller may resume or abandon: one they could start (the same permission and kind rule
 * as starting one), and their own unless they see everything; others' look missing. 409 unless interrupted.
 */
export async function ownInterruptedImport(ctx: Ctx, id: string, verb: 'resumed' | 'abandoned'): Promise<ImportRow> {
  const actor = requirePermission(ctx, 'registry.write');
  const row = await findImport(ctx.tx, id);
  if (!row || (actor.scope.kind !== 'all' && row.createdBy !== actor.userId)) throw new AppError('NOT_FOUND');
  checkImportAllowed(ctx, row.kind as ImportKind);
  if (row.status !== 'interrupted') {
    throw new AppError('IMPORT_NOT_INTERRUPTED', `This import is ${row.status}; only an interrupted import can be ${verb}.`);
  }
  return row;
}
