import { findFile, type FileRow } from '../../db/files/files.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';

/**
 * A file its owner or an administrator may see; NOT_FOUND for everyone else, so ids reveal nothing. Later,
 * files linked to a school become visible through the scope filter too.
 */
export async function findVisibleFile(ctx: Ctx, id: string): Promise<FileRow> {
  const actor = requireActor(ctx);
  const row = await findFile(ctx.tx, id);
  if (!row || (actor.scope.kind !== 'all' && row.ownerId !== actor.userId)) throw new AppError('NOT_FOUND');
  return row;
}
