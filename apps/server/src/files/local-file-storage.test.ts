import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStorage } from './local-file-storage.js';

let dir: string;
let storage: LocalFileStorage;
const text = (s: Readable) => s.toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString());

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'safeschools-files-'));
  storage = new LocalFileStorage(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('LocalFileStorage', () => {
  it('stores a stream, hashing it, and reads it back', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const stored = await storage.put('files/a', Readable.from(chunks), { contentType: 'text/plain', maxBytes: 1_000_000 });
    const all = Buffer.concat(chunks);
    expect(stored).toEqual({ size: all.length, sha256: createHash('sha256').update(all).digest('hex') });
    expect(await readFile(path.join(dir, 'files/a'))).toEqual(all);
    expect(await storage.exists('files/a')).toBe(true);
    expect((await text(await storage.get('files/a'))).length).toBe(all.length);
    await storage.delete('files/a');
    expect(await storage.exists('files/a')).toBe(false);
    await expect(storage.get('files/a')).rejects.toThrow(/NOT_FOUND/);
  });

  it('fails an oversize stream with FILE_TOO_LARGE and leaves nothing, not even the temp file', async () => {
    const big = Readable.from(Array.from({ length: 20 }, () => Buffer.alloc(1000, 1)));
    await expect(storage.put('files/big', big, { contentType: 'text/plain', maxBytes: 5000 })).rejects.toThrow(/FILE_TOO_LARGE/);
    expect(await storage.exists('files/big')).toBe(false);
    expect(await readdir(path.join(dir, 'files'))).toEqual([]);
  });

  it('accepts exactly maxBytes and byte arrays', async () => {
    await expect(storage.put('files/exact', new Uint8Array(5000), { contentType: 'x', maxBytes: 5000 })).resolves.toMatchObject({
      size: 5000,
    });
    await storage.delete('files/exact');
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../x', 'files/../../x', '/etc/passwd', 'a\\b', 'files/.hidden', '', 'a//b', 'files/..']) {
      await expect(storage.put(key, new Uint8Array(1), { contentType: 'x', maxBytes: 10 })).rejects.toThrow(/VALIDATION_FAILED/);
      await expect(storage.get(key)).rejects.toThrow(/VALIDATION_FAILED/);
    }
  });
});
