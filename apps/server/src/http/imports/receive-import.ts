import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { FileRow } from '../../db/files/files.repository.js';
import { sniffFileType } from '../../domain/files/sniff-file-type.js';
import { uploadFile } from '../../domain/files/upload-file.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { AuditTrail } from '../../domain/shared/audit.js';
import type { Ctx } from '../../domain/shared/context.js';
import type { FileStorage } from '../../files/file-storage.js';
import { peekStream } from '../../files/peek-stream.js';

export interface ReceivedImport {
  fields: Record<string, string>;
  file: FileRow | null;
}

/** The multipart form of an import: its text fields (those the checks need before the file), and at most one stored `file`. */
export async function receiveImport(
  ctx: Ctx & { trail: AuditTrail },
  request: FastifyRequest,
  storage: FileStorage,
  maxBytes: number,
  /** Checked before any byte is stored, so a refused import leaves no file behind. */
  beforeFile: (fields: Readonly<Record<string, string>>) => void,
): Promise<ReceivedImport> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the import as multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: FileRow | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      part.file.resume();
      throw new AppError('VALIDATION_FAILED', 'Send one file, in the part named "file".');
    }
    try {
      beforeFile(fields);
    } catch (error) {
      part.file.resume();
      throw error;
    }
    file = await store(ctx, part, storage, maxBytes);
  }
  return { fields, file };
}

async function store(ctx: Ctx & { trail: AuditTrail }, part: MultipartFile, storage: FileStorage, maxBytes: number): Promise<FileRow> {
  const { head, body, cancel } = await peekStream(part.file, 4096);
  const type = sniffFileType(head, part.mimetype, part.filename);
  if (!type) {
    cancel();
    throw new AppError('FILE_TYPE_NOT_ALLOWED', 'Imports take CSV, XLSX, GeoJSON, TopoJSON or JSON files.');
  }
  return uploadFile(ctx, storage, { name: part.filename, contentType: type.contentType, body, maxBytes });
}
