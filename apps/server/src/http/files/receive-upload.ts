import type { FastifyRequest } from 'fastify';
import type { FileRow } from '../../db/files/files.repository.js';
import { sniffFileType } from '../../domain/files/sniff-file-type.js';
import { uploadFile } from '../../domain/files/upload-file.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { AuditTrail } from '../../domain/shared/audit.js';
import type { Ctx } from '../../domain/shared/context.js';
import type { FileStorage } from '../../files/file-storage.js';
import { peekStream } from '../../files/peek-stream.js';

const SNIFF_BYTES = 4096;

/** Takes the one `file` part of a multipart request, checks its type by its first bytes, and stores it. */
export async function receiveUpload(
  ctx: Ctx & { trail: AuditTrail },
  request: FastifyRequest,
  storage: FileStorage,
  maxBytes: number,
): Promise<FileRow> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data.');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', 'Send one part named "file".');
  }
  const { head, body, cancel } = await peekStream(part.file, SNIFF_BYTES);
  const type = sniffFileType(head, part.mimetype, part.filename);
  if (!type) {
    cancel();
    throw new AppError(
      'FILE_TYPE_NOT_ALLOWED',
      'Allowed: JPEG, PNG, WebP, HEIC, PDF, CSV or text, JSON/GeoJSON, XML, ZIP, XLSX; the declared type must match the content.',
    );
  }
  return uploadFile(ctx, storage, { name: part.filename, contentType: type.contentType, body, maxBytes });
}
