import { connect, createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { openDatabase } from './open-database.ts';
import { describeServer } from './open-postgres.ts';

/** A port with nothing listening: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A fake server that answers every startup with PostgreSQL's FATAL "database does not exist"
 * (an ErrorResponse message), i.e. a server that is up but refuses us.
 */
function refusingServer(): Server {
  const field = (type: string, value: string): Buffer => Buffer.concat([Buffer.from(type), Buffer.from(`${value}\0`)]);
  const body = Buffer.concat([
    field('S', 'FATAL'),
    field('V', 'FATAL'),
    field('C', '3D000'),
    field('M', 'database "atelier" does not exist'),
    Buffer.from([0]),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  const errorResponse = Buffer.concat([Buffer.from('E'), length, body]);
  return createServer((socket) => socket.once('data', () => socket.end(errorResponse)));
}

describe('openDatabase on an unavailable PostgreSQL', () => {
  it('retries an unreachable server with growing back-off for the configured time, then fails with one line', async () => {
    const port = await closedPort();
    const warnings: string[] = [];
    const started = performance.now();

    const attempt = openDatabase({
      databaseUrl: `postgresql://atelier:s3cret@127.0.0.1:${port}/atelier`,
      dataDir: 'unused',
      connectRetryMs: 1_500,
      log: { info: () => undefined, warn: (line) => warnings.push(line) },
    });

    const error = await attempt.catch((caught: unknown) => caught);
    const elapsedMs = performance.now() - started;
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ code: 'DATABASE_UNREACHABLE' });
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^PostgreSQL at 127\\.0\\.0\\.1:${port}/atelier is unreachable after 1\\.5 s of retries \\(.*ECONNREFUSED.*\\); check DATABASE_URL`,
      ),
    );
    expect(message).not.toContain('\n');
    expect(message).not.toContain('s3cret');
    expect(elapsedMs).toBeGreaterThanOrEqual(1_400);
    expect(elapsedMs).toBeLessThan(4_000);
    const delays = warnings.map((line) => Number(/retrying in (\d+) ms/.exec(line)?.[1]));
    expect(delays.slice(0, 3)).toEqual([200, 400, 800]);
  });

  describe('a server that answers but refuses the connection', () => {
    const server = refusingServer();
    let url: string;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `postgresql://atelier@127.0.0.1:${(server.address() as AddressInfo).port}/atelier`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fails at once, without retrying, since waiting cannot help', async () => {
      const warnings: string[] = [];
      const started = performance.now();

      const attempt = openDatabase({
        databaseUrl: url,
        dataDir: 'unused',
        connectRetryMs: 10_000,
        log: { info: () => undefined, warn: (line) => warnings.push(line) },
      });

      await expect(attempt).rejects.toMatchObject({
        code: 'DATABASE_REFUSED',
        message: expect.stringMatching(
          /^PostgreSQL at 127\.0\.0\.1:\d+\/atelier refused the connection: database "atelier" does not exist$/,
        ),
      });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(warnings).toEqual([]);
    });
  });
});

describe.runIf(usingPostgres())('openDatabase on a PostgreSQL that comes up while we wait', () => {
  it('keeps retrying and opens once the server answers', async () => {
    const testDb = await createTestDatabase({ migrate: false });
    const target = new URL(testDb.databaseUrl!);
    const port = await closedPort();
    // The "server" appears after 700 ms: a TCP proxy to the real one, on a port refused until then.
    const proxy = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const startProxy = setTimeout(() => proxy.listen(port, '127.0.0.1'), 700);
    const warnings: string[] = [];
    const url = new URL(testDb.databaseUrl!);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    try {
      const db = await openDatabase({
        databaseUrl: url.toString(),
        dataDir: 'unused',
        connectRetryMs: 10_000,
        log: { info: () => undefined, warn: (line) => warnings.push(line) },
      });
      try {
        expect(await db.query('SELECT 1 AS up')).toEqual([{ up: 1 }]);
      } finally {
        await db.close();
      }
      expect(warnings.length).toBeGreaterThanOrEqual(2);
    } finally {
      clearTimeout(startProxy);
      await new Promise((resolve) => proxy.close(resolve));
      await testDb.drop();
    }
  });
});

describe.runIf(usingPostgres())('sessions on PostgreSQL', () => {
  // Short statements whose estimate passes jit_above_cost would each be compiled with LLVM, which
  // took a quarter of the machine's CPU under the operators' load; plans are kept per connection.
  it('never compile statements with JIT and keep one generic plan per prepared statement', async () => {
    const testDb = await createTestDatabase({ migrate: false });
    try {
      const settings = await testDb.db.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('jit', 'plan_cache_mode') ORDER BY name`,
      );
      expect(settings).toEqual([
        { name: 'jit', setting: 'off' },
        { name: 'plan_cache_mode', setting: 'force_generic_plan' },
      ]);
    } finally {
      await testDb.drop();
    }
  });
});

describe.runIf(usingPostgres())('connection names on PostgreSQL', () => {
  // Other processes tell from these names whether this one still runs (the idempotency keys it holds).
  it('names every connection of a handle, pool and LISTEN, with its own connectionName, over one given in the URL', async () => {
    const testDb = await createTestDatabase({ migrate: false });
    const url = new URL(testDb.databaseUrl ?? '');
    url.searchParams.set('application_name', 'set-by-the-operator');
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    try {
      const unlisten = await db.listen('connection_names', () => undefined);
      const names = await testDb.db.query<{ application_name: string; n: number }>(
        `SELECT application_name, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name <> $1 GROUP BY 1`,
        [testDb.db.connectionName],
      );
      expect(db.connectionName).not.toBe(testDb.db.connectionName);
      // Prisma's connection and the LISTEN connection at least.
      expect(names).toEqual([{ application_name: db.connectionName, n: expect.any(Number) }]);
      expect(names[0]!.n).toBeGreaterThanOrEqual(2);
      await unlisten();
    } finally {
      await db.close();
      await testDb.drop();
    }
  });
});

describe('describeServer', () => {
  it('shows host, port and database but never the password', () => {
    expect(describeServer('postgresql://app:hunter2@db.internal:6432/atelier?sslmode=require')).toBe(
      'db.internal:6432/atelier',
    );
    expect(describeServer('postgres://db.internal/atelier')).toBe('db.internal:5432/atelier');
  });
});
