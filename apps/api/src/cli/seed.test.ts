import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const apiDir = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'atelier-seed-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `pnpm db:seed`'s script on the embedded database in `dataDir`. */
function seed() {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts'], {
    cwd: apiDir,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('db:seed', () => {
  it('loads the demo data into an empty database, then leaves it alone', () => {
    const first = seed();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^Loaded the demo data into the embedded database in .*: 15 users, 8 workCenters, 4 routings, 4 manufacturingOrders, 3 atelierJobs/,
    );

    const second = seed();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Nothing to do: the database already holds data/);
  }, 240_000);
});
