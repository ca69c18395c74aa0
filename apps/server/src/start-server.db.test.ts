import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { lockDataDir } from './db/data-dir-lock.js';
import { startServer } from './start-server.js';

/**
 * A start that fails after the embedded database opened must close it: its data-dir lock would otherwise stay
 * taken by a process that goes on living (a supervisor's retry loop in the same process, a test runner), and every
 * later start would be refused as "in use".
 */
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('starting the server on the embedded database', () => {
  it('releases the database when it cannot listen', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-start-'));
    dirs.push(dataDir);
    const taken: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as { port: number }).port)),
    );
    try {
      const config = loadConfig({
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        JOBS: 'false',
        LOG_LEVEL: 'silent',
      });
      await expect(startServer(config, () => {})).rejects.toThrow(/EADDRINUSE|address already in use/);
      // The lock is free again: taking it succeeds at once.
      const unlock = await lockDataDir(config.PGLITE_DIR);
      await unlock();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);
});
