import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('refuses a second holder while the first is alive, and frees the lock on release', async () => {
    // Another live process (our parent) holds it.
    await writeFile(path.join(dir, 'safeschools.lock'), String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.ppid}`);
    await rm(path.join(dir, 'safeschools.lock'));
    const release = await lockDataDir(dir);
    expect(await readFile(path.join(dir, 'safeschools.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    await (await lockDataDir(dir))();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeFile(path.join(dir, 'safeschools.lock'), '999999999');
    const release = await lockDataDir(dir);
    await release();
  });
});
