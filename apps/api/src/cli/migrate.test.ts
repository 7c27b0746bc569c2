import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations, DEFAULT_MIGRATIONS_DIR } from '../db/migrator.ts';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';

const CLI = fileURLToPath(new URL('./migrate.ts', import.meta.url));

/** Runs `pnpm db:migrate`'s script with the given environment (nothing inherited but PATH). */
async function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

describe(`pnpm db:migrate on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let dataDir: string;
  let target: Record<string, string>;
  const total = readMigrations(DEFAULT_MIGRATIONS_DIR).length;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'af-migrate-cli-'));
    testDb = await createTestDatabase({ migrate: false });
    // The embedded database is a folder the CLI opens itself; on PostgreSQL it is the scratch database.
    target = testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : { DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await testDb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies every migration, then reports the database up to date', async () => {
    const first = await runCli(target);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(
        `^Migrations on ${usingPostgres() ? 'postgresql' : 'pglite'}: applied ${total} of ${total}: \\d{14}_init`,
      ),
    );

    const again = await runCli(target);
    expect(again).toMatchObject({
      code: 0,
      stdout: `Migrations on ${usingPostgres() ? 'postgresql' : 'pglite'}: applied 0 of ${total}; the database is up to date.\n`,
    });
  });

  it('retries an unreachable PostgreSQL, then exits 1 with one line', async () => {
    const result = await runCli({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/atelier',
      DATABASE_CONNECT_TIMEOUT_MS: '300',
    });

    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:1\/atelier is unreachable after 0\.3 s of retries \(.*\); check DATABASE_URL/,
    );
    expect(lines.slice(0, -1).every((line) => /is unreachable \(.*\); retrying in \d+ ms\.$/.test(line))).toBe(true);
    expect(result.stdout).toBe('');
  });

  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const result = await runCli({ DATABASE_URL: 'mysql://nope' });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid environment variable DATABASE_URL: .*\n$/);
  });
});
