import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** How the server is started: the built `apps/server/dist/main.js`, or the sources through tsx. */
export interface ServerCommand {
  label: 'dist' | 'source';
  args: string[];
}

const projects = ['packages/contract', 'packages/domain', 'packages/geo', 'packages/cli', 'apps/server'];

/** The newest modification time of the server's own sources under `dir` (tests and test helpers left out). */
async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'node_modules') newest = Math.max(newest, await newestSource(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, (await stat(full)).mtimeMs);
    }
  }
  return newest;
}

/**
 * `FAULT_SERVER=dist|source`, or by default the build when it is newer than every source it was built from (as
 * after `npm test`, which builds first), else the sources: a stale build would test yesterday's code. The build
 * starts a few seconds faster, which adds up over dozens of restarts.
 */
export async function chooseServerCommand(wanted: string | undefined): Promise<ServerCommand> {
  const dist: ServerCommand = { label: 'dist', args: [path.join(repoRoot, 'apps/server/dist/main.js')] };
  const source: ServerCommand = {
    label: 'source',
    args: ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'apps/server/src/main.ts')],
  };
  if (wanted === 'dist') return dist;
  if (wanted === 'source') return source;
  if (!existsSync(dist.args[0]!)) return source;
  for (const project of projects) {
    const info = path.join(repoRoot, project, 'tsconfig.tsbuildinfo');
    if (!existsSync(info)) return source;
    if ((await newestSource(path.join(repoRoot, project, 'src'))) > (await stat(info)).mtimeMs) return source;
  }
  return dist;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Every server child still running, killed when this process exits however it exits. */
const live = new Set<ChildProcess>();
process.once('exit', () => killAllServers());

/** Kills every server child this process started that still runs (a test's afterAll, an interrupted run). */
export function killAllServers(): void {
  for (const child of live) child.kill('SIGKILL');
}

export class ServerStartError extends Error {}

/**
 * The real server as a child process on its own data: started, `kill -9`ed and started again on the same data, as
 * an operator's process supervisor would. Keeps the output of every life for the failure messages.
 */
export class ServerProcess {
  url = '';
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private lines: string[] = [];
  private life = 0;

  constructor(
    private readonly env: Record<string, string>,
    private readonly command: ServerCommand,
  ) {}

  /** Adds to the environment of the next starts: a scenario's own settings (the SMTP server it runs, say). */
  setEnv(extra: Readonly<Record<string, string>>): void {
    Object.assign(this.env, extra);
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server and waits until it answers; throws with its output when it exits or hangs instead. */
  async start(timeoutMs = 300_000): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const port = await freePort();
    this.life += 1;
    const life = this.life;
    const inherited = Object.fromEntries(
      ['PATH', 'HOME', 'TMPDIR'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
    );
    const child = spawn(process.execPath, this.command.args, {
      cwd: repoRoot,
      env: { ...inherited, ...this.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(child);
        this.keep(life, `(exited: ${signal ?? code})`);
        resolve();
      }),
    );
    const take = (data: Buffer) => {
      for (const line of data.toString().split('\n')) if (line.trim()) this.keep(life, line);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    this.url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.child = null;
        throw new ServerStartError(`the server exited before it was ready (start ${life}):\n${this.tail()}`);
      }
      try {
        const r = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.kill();
        throw new ServerStartError(`the server was not ready within ${timeoutMs / 1000} s (start ${life}):\n${this.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** `kill -9`: no handler runs, nothing is flushed or closed; returns once the process is gone and reaped. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as an operator stops it; SIGKILL if it has not exited after `graceMs`. Returns its exit code. */
  async stop(graceMs = 60_000): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    return child.exitCode;
  }

  /** The last lines the server printed, over all its lives. */
  tail(count = 40): string {
    return this.lines.slice(-count).join('\n');
  }

  private keep(life: number, line: string): void {
    this.lines.push(`[start ${life}] ${line.length > 2000 ? `${line.slice(0, 2000)}…` : line}`);
    if (this.lines.length > 2000) this.lines.splice(0, this.lines.length - 1000);
  }
}
