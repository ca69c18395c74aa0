import type { Readable } from 'node:stream';
import type { FileRow } from '../../db/files/files.repository.js';
import type { FileStorage } from '../../files/file-storage.js';
import type { Ctx } from '../shared/context.js';
import { findVisibleFile } from './file-access.js';

export function getFileMeta(ctx: Ctx, id: string): Promise<FileRow> {
  return findVisibleFile(ctx, id);
}

/** The row and a stream of its bytes. */
export async function openFile(ctx: Ctx, storage: FileStorage, id: string): Promise<{ file: FileRow; body: Readable }> {
  const file = await findVisibleFile(ctx, id);
  return { file, body: await storage.get(file.storageKey) };
}
