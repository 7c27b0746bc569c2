import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseLogger } from './database.ts';
import { DatabaseOpenError } from './database-open-error.ts';

/** Name of the lock file inside a PGlite data folder. */
export const LOCK_FILE_NAME = 'atelier.lock';

/** Lock files this process holds, to tell its own lock from one left by an earlier process. */
const heldHere = new Set<string>();

/** Releases a data-folder lock; safe to call more than once. */
export type ReleaseLock = () => void;

/**
 * Takes exclusive ownership of an embedded data folder for this process. PGlite has no
 * inter-process locking and two processes on one folder corrupt it, so a lock file holding the
 * owner's pid guards it. A lock whose pid is no longer alive (a crash, `kill -9`) is stale and is
 * taken over.
 */
export function lockDataDir(dataDir: string, log?: DatabaseLogger): ReleaseLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE_NAME);

  // The lock appears atomically with its content: written to a private file, then hard-linked
  // into place (link fails when the lock exists), so nobody ever reads a half-written pid.
  const candidate = `${lockPath}.${process.pid}`;
  writeFileSync(candidate, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        linkSync(candidate, lockPath);
        return releaser(lockPath);
      } catch (error) {
        if (!isFileExists(error)) throw error;
      }
      const owner = readOwnerPid(lockPath);
      if (owner !== undefined && isHeld(owner, lockPath)) {
        throw new DatabaseOpenError(
          'DATA_DIR_LOCKED',
          `The embedded database in ${dir} is already in use by process ${owner}; stop that process or use another DATA_DIR (two processes on one PGlite folder would corrupt it).`,
        );
      }
      log?.warn(`Removing stale lock ${lockPath} left by process ${owner ?? '(unknown)'}, which no longer runs.`);
      rmSync(lockPath, { force: true });
    }
  } finally {
    rmSync(candidate, { force: true });
  }
  throw new DatabaseOpenError(
    'DATA_DIR_LOCKED',
    `Could not lock the embedded database in ${dir}: another process keeps taking ${lockPath}.`,
  );
}

/**
 * Whether the lock's owner still runs. Our own pid counts only if this process took the lock: a
 * restarted container often gets the same pid (1) as the crashed one that left the lock.
 */
function isHeld(owner: number, lockPath: string): boolean {
  return owner === process.pid ? heldHere.has(lockPath) : isAlive(owner);
}

function releaser(lockPath: string): ReleaseLock {
  heldHere.add(lockPath);
  // Also release on a normal process exit, so a forgotten close() leaves no lock behind.
  const release = (): void => {
    process.off('exit', release);
    if (!heldHere.delete(lockPath)) return;
    if (readOwnerPid(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readOwnerPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isFileExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}
