import { randomUUID } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeThisProcess, formatOwner, ownerStatus, parseOwner, type LockOwner } from './lock-owner.js';

export interface LockOptions {
  /** Waits before looking again at a lock file being written or taken over by another starter; tests pass their own. */
  pause?: (ms: number) => Promise<void>;
}

const RETRY_MS = 50;
/** Looks at an empty or half-written lock before it counts as left by a writer that died mid-write (~5 s). */
const INCOMPLETE_LOOKS = 100;
const MAX_ROUNDS = 400;
/** Errors of `link` on file systems without hard links (FAT, some network and FUSE mounts). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * The embedded database may be opened by one process at a time; a second one (say `safeschools migrate` while the
 * server runs) would corrupt it. A lock file names the owner (PID, start time, boot id, host: see `ownerStatus` for
 * why a PID alone is not enough); a lock whose owner no longer runs is taken over. Resolves to the release function.
 *
 * Races between starters: the lock file is written whole under a temporary name and then hard-linked into place,
 * which fails if it exists, so exactly one starter wins and nobody reads it half-written. An empty or half-written
 * lock (the previous format, or a file system without hard links) is waited for, not taken. A stale lock is removed
 * only under a guard file made the same way, and only if it still holds what was judged stale: otherwise a slower
 * starter could remove the lock a faster one has just made in its place.
 */
export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const pause = options.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const file = path.join(dir, 'safeschools.lock');
  const guard = `${file}.takeover`;
  const me = await describeThisProcess();
  let incompleteLooks = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (await createWhole(file, formatOwner(me))) return () => release(file, me);
    const seen = await readIfExists(file);
    if (seen === undefined) continue; // released meanwhile
    const owner = parseOwner(seen);
    if (!owner && ++incompleteLooks <= INCOMPLETE_LOOKS) {
      await pause(RETRY_MS);
      continue;
    }
    const status = owner ? await ownerStatus(owner, me) : 'gone';
    if (owner && status !== 'gone') throw new Error(inUseMessage(dir, file, owner, status, me));
    if (!(await removeIfUnchanged(file, seen, guard, me))) await pause(RETRY_MS);
  }
  throw new Error(`Could not lock ${dir}: other processes keep taking its lock over. If none runs, delete ${file} and ${guard}.`);
}

/** Creates `file` with all of `content`, or returns false if it exists. */
async function createWhole(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, content, { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    // Exclusive creation is still atomic; readers may see the file empty for a moment and wait.
    return writeFile(file, content, { flag: 'wx' }).then(
      () => true,
      (failure: NodeJS.ErrnoException) => (failure.code === 'EEXIST' ? false : Promise.reject(failure)),
    );
  } finally {
    await rm(temp, { force: true });
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? undefined : Promise.reject(error),
  );
}

/** Removes the stale lock if it still reads `seen`; false if another starter holds the guard (try again shortly). */
async function removeIfUnchanged(file: string, seen: string, guard: string, me: LockOwner): Promise<boolean> {
  if (!(await createWhole(guard, formatOwner(me)))) {
    // A guard is held for a moment only; one left by a starter that died holding it is removed. (Only another death
    // there, together with two more starters at once, could still let two starters both remove and lock.)
    const text = await readIfExists(guard);
    const owner = text === undefined ? undefined : parseOwner(text);
    if (owner && (await ownerStatus(owner, me)) === 'gone' && (await readIfExists(guard)) === text)
      await rm(guard, { force: true });
    return false;
  }
  try {
    if ((await readIfExists(file)) === seen) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
  return true;
}

async function release(file: string, me: LockOwner): Promise<void> {
  const text = await readIfExists(file);
  if (text !== undefined && parseOwner(text)?.token === me.token) await rm(file, { force: true });
}

function inUseMessage(dir: string, file: string, owner: LockOwner, status: 'running' | 'elsewhere', me: LockOwner): string {
  const since = owner.since ? ` since ${owner.since}` : '';
  if (status === 'elsewhere') {
    return (
      `The database in ${dir} is in use by process ${owner.pid} on ${owner.host ?? 'another host'}${since}, which cannot be ` +
      `checked from ${me.host ?? 'here'}. Stop SafeSchools there first; if nothing runs there any more, delete ${file}.`
    );
  }
  if (owner.pid === me.pid)
    return `The database in ${dir} is in use by process ${owner.pid} (this one): close it before opening it again.`;
  return (
    `The database in ${dir} is in use by process ${owner.pid}${since}. Stop it first (Ctrl+C where it runs, or ` +
    `\`kill ${owner.pid}\`), or use DATABASE_URL for several processes.`
  );
}
