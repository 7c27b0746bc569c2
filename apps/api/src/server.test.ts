import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './env.ts';
import { pnpmCommand } from './testing/pnpm-command.ts';
import { childPids } from './testing/process-tree.ts';
import {
  killAllServers,
  READY_WITHIN_MS,
  readyUrl,
  startServer,
  type ServerProcess,
  type StartServerOptions,
} from './testing/server-process.ts';
import { createTestDatabase, usingPostgres } from './testing/test-database.ts';

/**
 * The server as a user runs it: a separate process started by `tsx src/server.ts`, configured by
 * environment variables only. These tests use the embedded database (DATABASE_URL is removed from
 * the child's environment so they never touch a shared PostgreSQL), except the several-workers
 * test, which runs on a scratch PostgreSQL database when DATABASE_URL is set.
 */

// Above the time a first start may take (READY_WITHIN_MS) on a loaded machine.
const TIMEOUT = 300_000;

/** The lines a failed start printed on stderr, without tooling noise (npm warnings). */
function errorLines(server: ServerProcess): string[] {
  return server
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('atelier-flow:'));
}

const folders: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-server-test-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  killAllServers();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('server configuration errors', () => {
  it.each([
    [
      { PORT: 'three-thousand' },
      'atelier-flow: Invalid environment variable PORT="three-thousand": must be a whole number from 0 to 65535.',
    ],
    [
      { DATABASE_URL: 'mysql://root@localhost/atelier' },
      'atelier-flow: Invalid environment variable DATABASE_URL: must be a PostgreSQL URL like postgresql://user@host:5432/dbname.',
    ],
    [
      { SEED_DEMO: 'sometimes' },
      'atelier-flow: Invalid environment variable SEED_DEMO="sometimes": must be true or false.',
    ],
    [
      { WORKERS: '2' },
      'atelier-flow: Invalid environment variable WORKERS="2": more than 1 needs DATABASE_URL (the embedded database lives in one process).',
    ],
  ])(
    'refuses %o with one line naming the variable and exit code 1',
    async (env, line) => {
      const server = startServer({ DATA_DIR: dataDir(), ...env });
      expect(await server.exited).toBe(1);
      expect(errorLines(server)).toEqual([line]);
    },
    TIMEOUT,
  );

  it.each([1, 2])(
    'gives up on an unreachable PostgreSQL with one line per process and exit code 1 (%i worker(s))',
    async (workers) => {
      const server = startServer({
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/atelier',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        WORKERS: String(workers),
      });
      expect(await server.exited).toBe(1);
      const lines = errorLines(server).filter(
        (line) => !line.startsWith('atelier-flow: info:') && !line.startsWith('atelier-flow: warn:'),
      );
      expect(lines).toHaveLength(workers);
      for (const line of lines) expect(line).toMatch(/PostgreSQL|127\.0\.0\.1:1/);
    },
    TIMEOUT,
  );
});

describe('server lifecycle on the embedded database', () => {
  it(
    'seeds an empty folder on first start, refuses a second server on it, drains on SIGTERM and restarts without seeding again',
    async () => {
      const dir = dataDir();
      const first = startServer({ DATA_DIR: dir });
      const url = await readyUrl(first);

      const health = await fetch(`${url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(first.stdout()).toMatch(/"seeded":true,"counts":\{[^}]*"manufacturingOrders":4/);

      const second = startServer({ DATA_DIR: dir });
      expect(await second.exited).toBe(1);
      expect(errorLines(second)).toEqual([
        expect.stringMatching(/^atelier-flow: The embedded database in .* is already in use by process \d+/),
      ]);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.stdout()).toContain('"reason":"SIGTERM","msg":"stopped"');
      expect(existsSync(join(dir, 'atelier.lock'))).toBe(false);
      // The access log is on by default (read after the exit, when every line is in).
      expect(first.stdout()).toContain('"msg":"request completed"');

      const again = startServer({ DATA_DIR: dir });
      const againUrl = await readyUrl(again);
      expect(again.stdout()).not.toContain('loaded the demo data');
      expect((await fetch(`${againUrl}/api/v1/health`)).status).toBe(200);
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'starts empty when SEED_DEMO=false, logs no requests with LOG_REQUESTS=false, and under `pnpm dev` points to the hot-reloading web app',
    async () => {
      const server = startServer({
        DATA_DIR: dataDir(),
        SEED_DEMO: 'false',
        LOG_REQUESTS: 'false',
        WEB_DEV_URL: 'http://localhost:5173',
      });
      const url = await readyUrl(server);
      expect(server.stdout()).toMatch(
        /Atelier Flow API is ready at http:\/\/127\.0\.0\.1:\d+ \(database: pglite\); open http:\/\/localhost:5173 for the web app with hot reload/,
      );
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
      expect(server.stdout()).not.toContain('loaded the demo data');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // Read once the process has exited, so every line it wrote is in.
      expect(server.stdout()).not.toContain('request completed');
    },
    TIMEOUT,
  );
});

describe('stopping `pnpm start` (the command a user runs)', () => {
  // Ctrl-C signals the terminal's whole process group (npx, pnpm and the server); a service
  // manager's SIGTERM goes to the process it started alone, which must pass it on.
  const pnpm = (): StartServerOptions => ({ command: [process.execPath, pnpmCommand().cli, 'start'] });
  // The README's spelling, from the repository root (whose .npmrc chooses npx's shell).
  const npx = (): StartServerOptions => ({
    command: ['npx', '-y', 'pnpm@10', '--filter', '@atelier/api', 'start'],
    cwd: repoRoot,
  });
  it.each([
    ['Ctrl-C (SIGINT to the process group)', 'SIGINT', 'group', pnpm],
    ['SIGTERM to the pnpm process', 'SIGTERM', 'leader', pnpm],
    ['Ctrl-C on `npx -y pnpm@10 …`', 'SIGINT', 'group', npx],
    ['SIGTERM to npx', 'SIGTERM', 'leader', npx],
  ] as const)(
    'stops cleanly on %s: exit 0, one "stopped" line, no pnpm failure noise',
    async (_name, signal, target, how) => {
      const server = startServer({ DATA_DIR: dataDir(), SEED_DEMO: 'false' }, { detached: true, ...how() });
      const url = await readyUrl(server);
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
      process.kill(target === 'group' ? -(server.child.pid as number) : (server.child.pid as number), signal);
      // A server that pnpm orphaned holds the output open, so `exited` would wait for ever.
      const stopped = await Promise.race([
        server.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000)),
      ]);
      expect(stopped).toBe(0);
      const output = `${server.stdout()}${server.stderr()}`;
      expect(output).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed/);
      expect(output.split('\n').filter((line) => /stopped/.test(line))).toEqual([
        expect.stringMatching(/"msg":"stopped"/),
      ]);
    },
    TIMEOUT,
  );
});

/** The server's worker processes: its children running `server.ts` (not, say, the TypeScript loader's helper). */
function workerPids(primary: number | undefined): number[] {
  return childPids(primary).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.ts');
    } catch {
      return false;
    }
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!usingPostgres())('several workers on PostgreSQL', () => {
  it(
    'serves from WORKERS processes on one port, replaces a worker that dies, and drains them all on SIGTERM or Ctrl-C',
    async () => {
      const scratch = await createTestDatabase({ migrate: false });
      try {
        const server = startServer({
          DATABASE_URL: scratch.databaseUrl as string,
          WORKERS: '2',
          DATABASE_POOL_SIZE: '3',
        });
        const url = await readyUrl(server);
        const readyLines = () => server.stdout().match(/is ready at .*one of 2 workers/g)?.length ?? 0;
        await until(() => readyLines() === 2, 'both workers');
        const first = workerPids(server.child.pid);
        expect(first).toHaveLength(2);
        // Each request on a new connection, so the port's connections go to both workers.
        for (let n = 0; n < 6; n++)
          expect((await fetch(`${url}/api/v1/health`, { headers: { connection: 'close' } })).status).toBe(200);
        // Many at once: each worker opens at most its pool of 3, plus its listening connection.
        const health = await Promise.all(
          Array.from({ length: 24 }, () => fetch(`${url}/api/v1/health`, { headers: { connection: 'close' } })),
        );
        expect(health.map((response) => response.status)).toEqual(Array(24).fill(200));
        const [connections] = await scratch.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        expect(connections?.n).toBeGreaterThanOrEqual(2);
        expect(connections?.n).toBeLessThanOrEqual(2 * (3 + 1));

        process.kill(first[0] as number, 'SIGKILL');
        await until(() => readyLines() === 3, 'a replacement worker');
        const replaced = workerPids(server.child.pid);
        expect(replaced).toHaveLength(2);
        expect(replaced).not.toContain(first[0]);
        expect(server.stderr()).toContain(`worker ${first[0]} exited (SIGKILL); starting another`);
        expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);

        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        expect(server.stdout().match(/"reason":"shutdown request","msg":"stopped"/g)).toHaveLength(2);
        expect(workerPids(server.child.pid)).toEqual([]);

        // Ctrl-C in a terminal: the primary and its workers get SIGINT together, and the primary's
        // request that follows is not taken for a second, forcing signal.
        const again = startServer({ DATABASE_URL: scratch.databaseUrl as string, WORKERS: '2' }, { detached: true });
        await readyUrl(again);
        await until(() => (again.stdout().match(/is ready at .*one of 2 workers/g)?.length ?? 0) === 2, 'both workers');
        process.kill(-(again.child.pid as number), 'SIGINT');
        expect(await again.exited).toBe(0);
        // Each worker drains once, on whichever came first: its own SIGINT or the primary's request.
        expect(again.stdout().match(/"reason":"(SIGINT|shutdown request)","msg":"stopped"/g)).toHaveLength(2);
        expect(again.stdout()).not.toContain('again: exiting without waiting');
      } finally {
        await scratch.drop();
      }
    },
    TIMEOUT,
  );
});
