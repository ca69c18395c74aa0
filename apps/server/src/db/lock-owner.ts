import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Who holds a lock: enough for another process to tell later whether that very process still runs. */
export interface LockOwner {
  pid: number;
  /** When the process started, in clock ticks since boot (Linux: field 22 of /proc/<pid>/stat). A reused PID differs. */
  startTime?: string;
  /** The kernel's boot id (Linux): a lock written before the last reboot names no running process. */
  bootId?: string;
  host?: string;
  /** When the lock was taken, for the people who read the file or the error. */
  since?: string;
  /** Unique to one lock, so that releasing it never removes a lock someone else took since. */
  token?: string;
}

/** `elsewhere`: written on another host (machine or container), whose processes cannot be seen from here. */
export type OwnerStatus = 'running' | 'gone' | 'elsewhere';

/** Fields 3 (state) and 22 (starttime) of /proc/<pid>/stat, or undefined without /proc (macOS) or such a process. */
async function procStat(pid: number): Promise<{ state: string; startTime: string } | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // Field 2, the command name, is in parentheses and may hold spaces and ')'; the fields after the last ')' are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, startTime] = [fields[0], fields[19]];
  return state && startTime && /^\d+$/.test(startTime) ? { state, startTime } : undefined;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process `pid` as a lock would name it; `startTime` and `bootId` only where /proc tells them. */
export async function describeProcess(pid: number): Promise<LockOwner> {
  const [stat, bootId] = await Promise.all([
    procStat(pid),
    readFile('/proc/sys/kernel/random/boot_id', 'utf8').then(
      (text) => text.trim() || undefined,
      () => undefined,
    ),
  ]);
  return { pid, ...(stat && { startTime: stat.startTime }), ...(bootId && { bootId }), host: hostname() };
}

/** This process, as the owner of a lock taken now. */
export async function describeThisProcess(): Promise<LockOwner> {
  return { ...(await describeProcess(process.pid)), since: new Date().toISOString(), token: randomUUID() };
}

export function formatOwner(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/** The owner a lock file names, or undefined while it is empty or half-written. A bare PID is the old format. */
export function parseOwner(text: string): LockOwner | undefined {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const owner = value as Record<string, unknown>;
  if (!Number.isSafeInteger(owner.pid) || (owner.pid as number) <= 0) return undefined;
  const parsed: LockOwner = { pid: owner.pid as number };
  for (const key of ['startTime', 'bootId', 'host', 'since', 'token'] as const) {
    if (typeof owner[key] === 'string') parsed[key] = owner[key];
  }
  return parsed;
}

/**
 * Whether the process a lock names still runs. `kill(pid, 0)` alone is not enough: it answers for a zombie (killed
 * but not yet reaped by its parent, as after `kill -9`) and for an unrelated process that was given the same PID
 * later (containers restart as PID 1). Where /proc exists, the process must not be a zombie and must have started
 * at the recorded time, on the recorded boot; elsewhere (macOS) `kill(pid, 0)` is all there is.
 *
 * A lock written on another host (a container with another host name, or another machine sharing the folder) names
 * a PID that means nothing here. It is reported as `elsewhere` rather than taken: a stale lock costs one `rm`, a
 * stolen one a corrupt database. A restarted container keeps its host name, so its old lock is still checked here.
 */
export async function ownerStatus(owner: LockOwner, me: LockOwner): Promise<OwnerStatus> {
  if (owner.bootId && owner.host !== me.host) return 'elsewhere';
  if (owner.bootId && me.bootId && owner.bootId !== me.bootId) return 'gone';
  // Our own PID without a start time to compare: an earlier life of this PID, since this process writes start times.
  if (owner.pid === me.pid && !owner.startTime) return 'gone';
  if (!exists(owner.pid)) return 'gone';
  const stat = await procStat(owner.pid);
  // No /proc, or /proc hides other users' processes (hidepid): trust kill(pid, 0) unless it exited meanwhile.
  if (!stat) return exists(owner.pid) ? 'running' : 'gone';
  if (stat.state === 'Z' || stat.state === 'X') return 'gone';
  if (owner.startTime && owner.startTime !== stat.startTime) return 'gone';
  return 'running';
}
