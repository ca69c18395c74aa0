import type { FileRow } from '../../db/files/files.repository.js';
import { findFile } from '../../db/files/files.repository.js';
import { findImport } from '../../db/imports/imports.repository.js';
import { AppError } from '../shared/app-error.js';
import { requireActor, type Ctx } from '../shared/context.js';

/** The file to import: the one just uploaded, or that of an earlier import of one's own (a dry run, usually). */
export async function resolveImportSource(ctx: Ctx, uploaded: FileRow | null, fromImport: string | undefined): Promise<{ fileId: string; fileName: string }> {
  if (uploaded) return { fileId: uploaded.id, fileName: uploaded.name };
  if (!fromImport) throw new AppError('VALIDATION_FAILED', 'Send a file, or fromImport with the id of an earlier import.');
  const actor = requireActor(ctx);
  const earlier = await findImport(ctx.tx, fromImport);
  if (!earlier || (actor.scope.kind !== 'all' && earlier.createdBy !== actor.userId)) throw new AppError('NOT_FOUND', 'No such earlier import.');
  const file = earlier.fileId ? await findFile(ctx.tx, earlier.fileId) : undefined;
  if (!file) throw new AppError('IMPORT_FILE_INVALID', 'The file of that import is gone.');
  return { fileId: file.id, fileName: earlier.fileName };
}
