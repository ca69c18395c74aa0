import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { AppError } from '../domain/shared/app-error.js';

/**
 * A pass-through that hashes (sha256) and counts what flows by, and fails with FILE_TOO_LARGE as soon as more
 * than `maxBytes` arrive, so an oversize upload is stopped while streaming, not after it was stored.
 */
export function measureStream(maxBytes: number): Transform & { result(): { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new AppError('FILE_TOO_LARGE', `The file is larger than ${maxBytes} bytes.`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return Object.assign(stream, {
    result() {
      digest ??= hash.digest('hex');
      return { size, sha256: digest };
    },
  });
}

export function toReadable(body: Readable | Uint8Array): Readable {
  return body instanceof Uint8Array ? Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]) : body;
}
