import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../domain/shared/app-error.js';
import type { FileStorage, StoredObject } from './file-storage.js';
import { measureStream, toReadable } from './measure-stream.js';
import { assertStorageKey } from './storage-key.js';

/**
 * Files in a folder (config.FILES_DIR). Each put streams to a temporary file beside its target, is synced to
 * disk and then renamed into place, so a reader never sees half a file and a crash leaves only a `.tmp`.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const target = path.resolve(this.root, assertStorageKey(key));
    // Belt and braces: the key check already forbids this.
    if (!target.startsWith(path.resolve(this.root) + path.sep)) throw new AppError('VALIDATION_FAILED', 'Invalid storage key.');
    return target;
  }

  async put(key: string, body: Readable | Uint8Array, options: { contentType: string; maxBytes: number }): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    const meter = measureStream(options.maxBytes);
    try {
      await pipeline(toReadable(body), meter, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
      const handle = await open(tmp, 'r+');
      await handle.sync().finally(() => handle.close());
      await rename(tmp, target);
      return meter.result();
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new AppError('NOT_FOUND');
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
