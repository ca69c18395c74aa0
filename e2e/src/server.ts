import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const ADMIN = { email: 'admin@e2e.example.org', password: 'e2e administrator passphrase' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  log: () => string;
  /** Sends SIGTERM, waits for the exit and returns its code (0 when shutdown was graceful). */
  stop(): Promise<number | null>;
  /** Kills the process at once (SIGKILL: no shutdown at all, as in a crash) and waits until it is gone. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  /** A data folder of the caller's, kept when the server stops or is killed, so another server can start on it. */
  dataDir?: string;
  /** The port to listen on (that of the server this one replaces, so the browser stays on one origin); else a free one. */
  port?: number;
}

/**
 * Starts the built server (`node apps/server/dist/main.js`) on a free port with a fresh data folder (removed when it
 * stops), or on the data folder and port given.
 */
export async function startBuiltServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'safeschools-e2e-')));
  const port = options.port ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...(process.env.DATABASE_URL_E2E ? { DATABASE_URL: process.env.DATABASE_URL_E2E } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    port,
    dataDir,
    log: () => output,
    async stop() {
      await end('SIGTERM');
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      return child.exitCode;
    },
    kill: () => end('SIGKILL'),
  };
}
