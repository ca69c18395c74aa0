import multipart from '@fastify/multipart';
import {
  downloadFile,
  getFileMeta as getFileMetaEndpoint,
  uploadFile as uploadEndpoint,
  type StoredFile,
} from '@safeschools/contract';
import type { z } from 'zod';
import type { FileRow } from '../../db/files/files.repository.js';
import { getFileMeta, openFile } from '../../domain/files/get-file.js';
import { contentDisposition } from '../../domain/files/safe-file-name.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { receiveUpload } from './receive-upload.js';

export function presentFile(row: FileRow): z.output<typeof StoredFile> {
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Uploads (multipart, one part named `file`), metadata and downloads. The upload opts out of the route's
 * transaction: bytes are streamed to storage first and the row is written in a short transaction afterwards
 * (see domain/files/upload-file.ts), so a slow client never holds a database connection.
 */
export async function registerFileRoutes(app: App, services: Services): Promise<void> {
  const maxBytes = services.config.MAX_UPLOAD_MB * 1024 * 1024;
  // One byte more than allowed: busboy truncates silently at its limit, while the storage's own limit fails
  // the stream on the first byte too many, before anything is kept.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 12 } });

  route(app, services.database, uploadEndpoint, {
    scope: 'filtered',
    permission: 'files.write',
    transaction: false,
    handler: async ({ ctx, request }) => presentFile(await receiveUpload(ctx, request, services.storage, maxBytes)),
  });

  route(app, services.database, getFileMetaEndpoint, {
    scope: 'filtered',
    handler: async ({ ctx, params }) => presentFile(await getFileMeta(ctx, params.id)),
  });

  route(app, services.database, downloadFile, {
    scope: 'filtered',
    handler: async ({ ctx, params, reply }) => {
      const { file, body } = await openFile(ctx, services.storage, params.id);
      reply
        .type(file.contentType)
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return reply.send(body);
    },
  });
}
