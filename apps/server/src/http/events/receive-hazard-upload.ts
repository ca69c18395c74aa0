import type { FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/app-error.js';

export interface HazardUpload {
  fields: Record<string, string>;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Reads a hazard upload into memory, up to `maxBytes`: hazard files are read whole by their parsers, and
 * nothing is stored until the file has been read successfully, so a refused file leaves nothing behind.
 */
export async function receiveHazardUpload(request: FastifyRequest, maxBytes: number): Promise<HazardUpload> {
  const fields: Record<string, string> = {};
  let upload: HazardUpload | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || upload) {
      part.file.resume();
      throw new AppError('VALIDATION_FAILED', 'Send one file, in the part named "file".');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        part.file.resume();
        throw new AppError('FILE_TOO_LARGE', `Hazard files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
      }
      chunks.push(chunk);
    }
    if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', `Hazard files may be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
    upload = { fields, fileName: part.filename, mimeType: part.mimetype, bytes: new Uint8Array(Buffer.concat(chunks)) };
  }
  if (!upload) throw new AppError('VALIDATION_FAILED', 'Send the hazard file in a part named "file".');
  return upload;
}
