import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../db/data-dir-lock.ts';

const CLI = fileURLToPath(new URL('./reset.ts', import.meta.url));

/** Runs `pnpm db:reset`'s script with the given environment (nothing inherited but PATH). */
function runCli(env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const parent = mkdtempSync(join(tmpdir(), 'atelier-reset-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('pnpm db:reset', () => {
  it('deletes the embedded database folder, and says there is nothing to do when it is gone', () => {
    const dataDir = join(parent, 'data');
    mkdirSync(join(dataDir, 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');

    const first = runCli({ DATA_DIR: dataDir });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      `Deleted the embedded database in ${dataDir}. The next start creates it again with the demo data.\n`,
    );
    expect(existsSync(dataDir)).toBe(false);

    const again = runCli({ DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to do: there is no embedded database in /);
  }, 60_000);

  it('refuses while a server holds the folder, and leaves it as it is', () => {
    const dataDir = mkdtempSync(join(parent, 'held-'));
    // This test process stands in for the running server: its pid is alive.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    const result = runCli({ DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^db:reset: The embedded database in .* is already in use by process ${process.pid}`),
    );
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);
  }, 60_000);

  it('refuses to touch PostgreSQL (DATABASE_URL set) with one line', () => {
    const result = runCli({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'db:reset: DATABASE_URL is set: db:reset only deletes the embedded database; drop and recreate a PostgreSQL database with its own tools.\n',
    );
  }, 60_000);
});
