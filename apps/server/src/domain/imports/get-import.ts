import { findImport, firstRowErrors, type ImportRow, type ImportRowErrorRow } from '../../db/imports/imports.repository.js';
import { AppError } from '../shared/app-error.js';
import { requirePermission, type Ctx } from '../shared/context.js';

export const ERRORS_SHOWN = 500;

/** One's own import, or any for an administrator; others' look missing. */
export async function getImport(ctx: Ctx, id: string): Promise<{ row: ImportRow; errors: ImportRowErrorRow[]; errorsTotal: number }> {
  const actor = requirePermission(ctx, 'registry.read');
  const row = await findImport(ctx.tx, id);
  if (!row || (actor.scope.kind !== 'all' && row.createdBy !== actor.userId)) throw new AppError('NOT_FOUND');
  const { rows, total } = await firstRowErrors(ctx.tx, id, ERRORS_SHOWN);
  return { row, errors: rows, errorsTotal: total };
}
