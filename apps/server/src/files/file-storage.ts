import type { Readable } from 'node:stream';

export interface StoredObject {
  size: number;
  sha256: string;
}

/**
 * Where uploads, photos and generated documents live: a folder in DATA_DIR by default, an S3-compatible object
 * store in production. Keys are opaque, made by the caller (e.g. `files/<uuid>`), never from user input.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Streams `body` in; fails with FILE_TOO_LARGE past `maxBytes` and leaves nothing behind. */
  put(key: string, body: Readable | Uint8Array, options: { contentType: string; maxBytes: number }): Promise<StoredObject>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
