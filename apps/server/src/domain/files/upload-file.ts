import type { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import { insertFile, type FileRow } from '../../db/files/files.repository.js';
import type { FileStorage } from '../../files/file-storage.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import { safeFileName } from './safe-file-name.js';

export interface Upload {
  name: string | undefined;
  /** Already checked against the bytes (sniff-file-type.ts). */
  contentType: string;
  body: Readable;
  maxBytes: number;
}

/**
 * Stores the bytes first, outside any transaction (a slow upload must not hold the database: PGlite has one
 * connection), then records the row and its audit entry in one short transaction. If that fails, the blob is
 * deleted again, so no file exists without its row. Not idempotent by key: a retried upload is a new file.
 */
export async function uploadFile(ctx: Ctx & { trail?: AuditTrail }, storage: FileStorage, upload: Upload): Promise<FileRow> {
  const actor = requirePermission(ctx, 'files.write');
  const id = uuidv7();
  const storageKey = `files/${id}`;
  const stored = await storage.put(storageKey, upload.body, { contentType: upload.contentType, maxBytes: upload.maxBytes });
  const row: FileRow = {
    id,
    name: safeFileName(upload.name),
    contentType: upload.contentType,
    size: stored.size,
    sha256: stored.sha256,
    storageKey,
    ownerId: actor.via === 'system' ? null : actor.userId,
    createdAt: ctx.now,
    deletedAt: null,
  };
  try {
    await ctx.database.db.transaction(async (tx) => {
      await insertFile(tx, row);
      await audit(
        { ...ctx, tx },
        { action: 'file.upload', entity: 'file', entityId: id, details: { size: row.size, contentType: row.contentType } },
      );
    });
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return row;
}
