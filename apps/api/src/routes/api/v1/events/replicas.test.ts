import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildApp } from '../../../../app.ts';
import type { Database } from '../../../../db/database.ts';
import { openDatabase } from '../../../../db/open-database.ts';
import { loadEnv } from '../../../../env.ts';
import type { OutboxEvent } from '../../../../events/outbox-event.ts';
import { commitEvents, numberedEvents, recordStream, type StreamRecorder } from '../../../../events/test-stream.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../../testing/test-database.ts';

/** One API process: its own database handle (on PGlite, the shared in-process one) and a listening port. */
interface Replica {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly url: string;
}

async function startReplica(db: Database): Promise<Replica> {
  const app = await buildApp({
    db,
    env: loadEnv({ LOG_LEVEL: 'silent', WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist') }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  return { app, db, url: `ws://127.0.0.1:${address.port}/api/v1/events` };
}

describe(`two API replicas on one ${usingPostgres() ? 'PostgreSQL' : 'PGlite'} database`, () => {
  let testDb: TestDatabase;
  let first: Replica;
  let second: Replica;
  let cookie: string;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const secondDb = testDb.databaseUrl
      ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' })
      : testDb.db;
    first = await startReplica(testDb.db);
    second = await startReplica(secondDb);
    cookie = (await loginAs(testDb.db, 'manager')).headers.cookie;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await first.app.close();
    await second.app.close();
    if (second.db !== first.db) await second.db.close();
    await testDb.drop();
  });

  /** A real WebSocket client on a replica's port, recorded from its first frame. */
  async function connect(replica: Replica, query: string): Promise<{ socket: WebSocket; stream: StreamRecorder }> {
    const socket = new WebSocket(`${replica.url}${query}`, { headers: { cookie } });
    sockets.push(socket);
    const stream = recordStream(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return { socket, stream };
  }

  const caughtUp = (stream: StreamRecorder) =>
    stream.until((messages) => messages.some((message) => message.type === 'caught-up'));

  it('streams an event committed through one replica to the WebSocket clients of the other within 1 s', async () => {
    const { stream } = await connect(second, '?topics=node:fan-out');
    await caughtUp(stream);
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = Date.now();
      await commitEvents(first.db, first.app.eventHub, numberedEvents('fanned.out', 1, round, { nodeKey: 'fan-out' }));
      await stream.until((messages) => messages.filter((message) => message.type === 'event').length > round, 1_000);
      latencies.push(Date.now() - started);
    }
    expect(stream.events().map((event) => event.data.n)).toEqual([0, 1, 2, 3, 4]);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  });

  it('gives a client that keeps reconnecting, to either replica, every event exactly once and in one order', async () => {
    await commitEvents(first.db, first.app.eventHub, [{ type: 'baseline', nodeKey: 'resume', data: {} }]);
    const { stream: probe } = await connect(first, '?since=0&topics=node:resume');
    await probe.until((messages) => messages.some((message) => message.type === 'event'));
    const baseline = probe.events()[0]!.seq;

    // Four writers, two per replica, commit two events per command while the client hops between replicas.
    const writers = [first, first, second, second].map((replica, writer) =>
      (async () => {
        for (let command = 0; command < 25; command++) {
          await commitEvents(
            replica.db,
            replica.app.eventHub,
            numberedEvents(`w${writer}`, 2, command * 2, { nodeKey: 'resume' }),
          );
          // Commands come from requests, i.e. from I/O; an in-process PGlite loop would starve the sockets.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })(),
    );
    const received: OutboxEvent[] = [];
    let writing = true;
    const done = Promise.all(writers).then(() => (writing = false));
    let hops = 0;
    for (let hop = 0; writing || received.length < 200; hop++, hops++) {
      const replica = hop % 2 === 0 ? second : first;
      const since = received.at(-1)?.seq ?? baseline;
      const { socket, stream } = await connect(replica, `?since=${since}&topics=node:resume`);
      // Take a few events (or whatever arrives within a moment), then drop the connection abruptly.
      await stream
        .until((messages) => messages.filter((message) => message.type === 'event').length >= 15, 300)
        .catch(() => undefined);
      socket.terminate();
      received.push(...stream.events());
      if (hop > 200) throw new Error(`still missing events after ${hop} reconnections: ${received.length} of 200`);
    }
    await done;
    expect(hops).toBeGreaterThanOrEqual(3);

    const keys = received.map((event) => `${event.type}#${event.data.n}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(200);
    // The order is the outbox's delivery order, the same one a catch-up read gives.
    const catchUp = await first.app.inject({
      method: 'GET',
      url: `/api/v1/events?since=${baseline}&topics=node:resume&limit=1000`,
      headers: { cookie },
    });
    expect(received.map((event) => event.seq)).toEqual(catchUp.json().items.map((event: OutboxEvent) => event.seq));
    // Each writer's own commands arrive in the order it committed them.
    for (let writer = 0; writer < 4; writer++) {
      const own = received.filter((event) => event.type === `w${writer}`).map((event) => event.data.n);
      expect(own).toEqual(Array.from({ length: 50 }, (_, n) => n));
    }
  });

  /** Polls `GET /me` on a replica until it answers `status`; how long that took. */
  async function untilMeAnswers(replica: Replica, sessionCookie: string, status: number): Promise<number> {
    const began = Date.now();
    while (
      (await replica.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookie } }))
        .statusCode !== status
    ) {
      if (Date.now() - began > 5_000) throw new Error(`GET /me never answered ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return Date.now() - began;
  }

  it('ends a session on every replica within 1 s when it is signed out through one, though each remembers sessions it resolved', async () => {
    const operator = await loginAs(testDb.db, 'operator');
    // Both replicas have resolved (and remember) the session.
    for (const replica of [first, second])
      expect(
        (await replica.app.inject({ method: 'GET', url: '/api/v1/me', headers: operator.headers })).statusCode,
      ).toBe(200);

    const out = await second.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: operator.headers });
    expect(out.statusCode).toBe(204);
    expect((await second.app.inject({ method: 'GET', url: '/api/v1/me', headers: operator.headers })).statusCode).toBe(
      401,
    );
    expect(await untilMeAnswers(first, operator.headers.cookie, 401)).toBeLessThan(1_000);
  });

  it('refuses a deactivated user on every replica within 1 s, whoever deactivated them', async () => {
    const operator = await loginAs(testDb.db, 'operator');
    for (const replica of [first, second])
      expect(
        (await replica.app.inject({ method: 'GET', url: '/api/v1/me', headers: operator.headers })).statusCode,
      ).toBe(200);
    // Another process (an admin's replica, a script) changes the user row directly.
    await second.db.query('UPDATE users SET active = false WHERE id = $1::uuid', [operator.userId]);
    for (const replica of [first, second])
      expect(await untilMeAnswers(replica, operator.headers.cookie, 401)).toBeLessThan(1_000);
  });
});
