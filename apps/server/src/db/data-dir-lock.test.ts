import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';
import { describeProcess, formatOwner, parseOwner } from './lock-owner.js';

const linux = process.platform === 'linux';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const holderScript = fileURLToPath(new URL('../testing/hold-data-dir-lock.ts', import.meta.url));
const holderCommand = [process.execPath, '--conditions=source', '--import', 'tsx', holderScript];

let dir: string;
let lockFile: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lock-'));
  lockFile = path.join(dir, 'safeschools.lock');
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  await rm(dir, { recursive: true, force: true });
});

/**
 * Starts another process that takes the lock on `dir` and holds it. With `zombieWhenKilled` its parent is `sleep`,
 * which never reaps children: once killed, it stays a zombie for as long as the test needs.
 */
async function startHolder(options: { zombieWhenKilled?: boolean } = {}): Promise<{ outcome: string; pid: number }> {
  const [command = '', ...args] = options.zombieWhenKilled
    ? ['sh', '-c', '"$@" & exec sleep 600', 'sh', ...holderCommand, dir]
    : [...holderCommand, dir];
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  for await (const line of createInterface({ input: child.stdout })) {
    const [outcome = '', pid = ''] = line.split(' ');
    return { outcome, pid: Number(pid) };
  }
  throw new Error('The lock holder exited without a word');
}

async function untilZombie(pid: number): Promise<void> {
  while (!/\) Z /.test(await readFile(`/proc/${pid}/stat`, 'utf8'))) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A PID that no longer names a process. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('lockDataDir', () => {
  it('refuses a second holder while the first is alive, and frees the lock on release', async () => {
    // Another live process (our parent) holds it, in the format of earlier versions: a bare PID.
    await writeFile(lockFile, String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.ppid}`);
    await rm(lockFile);
    const release = await lockDataDir(dir);
    expect(parseOwner(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
    await (
      await lockDataDir(dir)
    )();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeFile(lockFile, '999999999');
    await (
      await lockDataDir(dir)
    )();
    await writeFile(lockFile, formatOwner({ ...(await describeProcess(process.pid)), pid: await deadPid() }));
    await (
      await lockDataDir(dir)
    )();
  });

  it.runIf(linux)('takes over a lock whose holder was killed with -9 and is a zombie not yet reaped', async () => {
    const holder = await startHolder({ zombieWhenKilled: true });
    expect(holder.outcome).toBe('locked');
    process.kill(holder.pid, 'SIGKILL');
    await untilZombie(holder.pid);
    await (
      await lockDataDir(dir)
    )();
  });

  it.runIf(linux)('takes over a lock naming a live PID only if that process started when the lock says', async () => {
    const parent = await describeProcess(process.ppid);
    await writeFile(lockFile, formatOwner(parent));
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.ppid}`);
    // The same PID given to another process later: another start time.
    await writeFile(lockFile, formatOwner({ ...parent, startTime: String(Number(parent.startTime) + 1) }));
    await (
      await lockDataDir(dir)
    )();
  });

  it.runIf(linux)('takes over a lock from before a reboot, and refuses one from another host it cannot check', async () => {
    const parent = await describeProcess(process.ppid);
    await writeFile(lockFile, formatOwner({ ...parent, bootId: 'a-boot-before' }));
    await (
      await lockDataDir(dir)
    )();
    await writeFile(lockFile, formatOwner({ ...(await describeProcess(process.pid)), pid: await deadPid(), host: 'elsewhere' }));
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process \d+ on elsewhere.*delete/);
  });

  it('refuses a lock held by another running process, naming it and how to stop it', async () => {
    const holder = await startHolder();
    expect(holder.outcome).toBe('locked');
    const refusal = await lockDataDir(dir).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refusal).toContain(`in use by process ${holder.pid} since `);
    expect(refusal).toContain(`Stop it first (Ctrl+C where it runs, or \`kill ${holder.pid}\`)`);
  });

  it('lets exactly one of two lockers in this process win', async () => {
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(String(results.find((r) => r.status === 'rejected')?.reason)).toContain(`in use by process ${process.pid} (this one)`);
  });

  it('lets exactly one of several processes starting at once take over a stale lock', async () => {
    await writeFile(lockFile, formatOwner({ ...(await describeProcess(process.pid)), pid: await deadPid() }));
    const holders = await Promise.all([startHolder(), startHolder(), startHolder()]);
    expect(holders.map((h) => h.outcome).sort()).toEqual(['locked', 'refused', 'refused']);
  });

  it('waits for a lock file that is still being written instead of taking it', async () => {
    await writeFile(lockFile, '');
    let paused!: () => void;
    let resume!: () => void;
    const sawIncomplete = new Promise<void>((resolve) => (paused = resolve));
    const locking = lockDataDir(dir, {
      pause: () => {
        paused();
        return new Promise<void>((resolve) => (resume = resolve));
      },
    });
    const first = await Promise.race([
      sawIncomplete.then(() => 'waiting'),
      locking.then(
        () => 'locked',
        () => 'refused',
      ),
    ]);
    expect(first).toBe('waiting');
    // Its writer finishes: the lock is our parent's, which runs.
    await writeFile(lockFile, formatOwner(await describeProcess(process.ppid)));
    resume();
    await expect(locking).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it('takes over a lock file left empty by a writer that died, after waiting for it a while', async () => {
    await writeFile(lockFile, '');
    let pauses = 0;
    const release = await lockDataDir(dir, { pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(0);
    await release();
  });

  it('leaves alone on release a lock that is not its own', async () => {
    const release = await lockDataDir(dir);
    const other = formatOwner({ ...(await describeProcess(process.ppid)), token: 'another' });
    await writeFile(lockFile, other);
    await release();
    expect(await readFile(lockFile, 'utf8')).toBe(other);
  });
});
