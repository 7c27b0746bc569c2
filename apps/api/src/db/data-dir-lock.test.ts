import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from './data-dir-lock.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { openDatabase } from './open-database.ts';

const OTHER_PROCESS = fileURLToPath(new URL('../testing/open-data-dir-process.ts', import.meta.url));

/** Runs the helper in a new Node process (another "server") on `dataDir`. */
function otherProcess(dataDir: string, mode: 'probe' | 'hold'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', OTHER_PROCESS, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function outcome(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

async function untilOpened(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('opened') && resolve());
    child.on('exit', (code) => reject(new Error(`helper exited with ${code} before opening`)));
  });
}

describe('the embedded data folder lock', () => {
  let dataDir: string;
  const lockFile = (): string => join(dataDir, LOCK_FILE_NAME);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'af-pglite-'));
    // Create the database once: initialising a PGlite folder is the slow part.
    const db = await openDatabase({ dataDir });
    await db.query('CREATE TABLE bags (name TEXT PRIMARY KEY)');
    await db.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data in the folder across close and reopen, and releases the lock on close', async () => {
    const first = await openDatabase({ dataDir });
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    await first.query(`INSERT INTO bags VALUES ('tote')`);
    await first.close();
    expect(existsSync(lockFile())).toBe(false);

    const second = await openDatabase({ dataDir });
    try {
      expect(await second.query('SELECT name FROM bags')).toEqual([{ name: 'tote' }]);
    } finally {
      await second.close();
    }
  });

  it('refuses a second process with one clear line naming the owner, then lets it in once closed', async () => {
    const db = await openDatabase({ dataDir });
    let refused: Awaited<ReturnType<typeof outcome>>;
    try {
      refused = await outcome(otherProcess(dataDir, 'probe'));
    } finally {
      await db.close();
    }

    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `The embedded database in ${dataDir} is already in use by process ${process.pid}; stop that process or use another DATA_DIR (two processes on one PGlite folder would corrupt it).`,
    );
    expect(refused.stdout).toBe('');

    const admitted = await outcome(otherProcess(dataDir, 'probe'));
    expect(admitted).toMatchObject({ code: 0, stdout: 'opened\n' });
  });

  it('refuses a second open in the same process', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DatabaseOpenError);
      await expect(second).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    } finally {
      await db.close();
    }
  });

  it('recovers the lock of a process that was killed while holding the folder', async () => {
    const holder = otherProcess(dataDir, 'hold');
    await untilOpened(holder);
    const holderPid = holder.pid!;
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(holderPid));
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;

    const warnings: string[] = [];
    const db = await openDatabase({ dataDir, log: { info: () => undefined, warn: (line) => warnings.push(line) } });
    try {
      expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
      expect(warnings).toEqual([
        `Removing stale lock ${lockFile()} left by process ${holderPid}, which no longer runs.`,
      ]);
      expect(await db.query('SELECT count(*)::int AS n FROM bags')).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('treats an unreadable lock file as stale', async () => {
    writeFileSync(lockFile(), 'garbage');
    const db = await openDatabase({ dataDir });
    await db.close();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock carrying its own pid that it does not hold (a restarted container reuses pid 1)', async () => {
    writeFileSync(lockFile(), `${process.pid}\n`);
    const warnings: string[] = [];
    const db = await openDatabase({ dataDir, log: { info: () => undefined, warn: (line) => warnings.push(line) } });
    try {
      expect(warnings).toEqual([
        `Removing stale lock ${lockFile()} left by process ${process.pid}, which no longer runs.`,
      ]);
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
    } finally {
      await db.close();
    }
  });
});
