// Event delivery figures, as one JSON line: two API replicas on one scratch database (PostgreSQL
// with DATABASE_URL, else in-memory PGlite shared in-process), WebSocket clients on both, writers
// committing commands through the first for a while. Reports commands/s, events delivered, and the
// time from a command's commit to its arrival at clients of the same and of the other replica.
// Checks completeness too: every client must get every event once, in one order.
// Run: `npx tsx src/events/bench-events.ts [seconds=10] [clientsPerReplica=25] [writers=8]`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import type { OutboxEvent } from './outbox-event.ts';
import { runCommand } from './run-command.ts';

const [seconds = 10, clientsPerReplica = 25, writers = 8] = process.argv.slice(2).map(Number);

async function startReplica(db: Database) {
  const app = await buildApp({
    db,
    env: loadEnv({ LOG_LEVEL: 'warn', WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist') }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  return { app, db, url: `ws://127.0.0.1:${address.port}/api/v1/events` };
}

/** A client that records (n, arrival time) of every event. */
async function client(url: string, cookie: string) {
  const socket = new WebSocket(url, { headers: { cookie } });
  const received: { n: number; at: number }[] = [];
  let caughtUp!: () => void;
  const ready = new Promise<void>((resolve) => (caughtUp = resolve));
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; event?: OutboxEvent };
    if (message.type === 'caught-up') caughtUp();
    if (message.type === 'event' && message.event)
      received.push({ n: message.event.data.n as number, at: performance.now() });
  });
  await ready;
  return { socket, received };
}

function percentile(sorted: number[], p: number): number {
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN) * 10) / 10
  );
}

async function main(): Promise<void> {
  const testDb = await createTestDatabase();
  const secondDb = testDb.databaseUrl
    ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' })
    : testDb.db;
  const first = await startReplica(testDb.db);
  const second = await startReplica(secondDb);
  try {
    const { cookie } = (await loginAs(testDb.db, 'manager')).headers;
    const local = await Promise.all(Array.from({ length: clientsPerReplica }, () => client(first.url, cookie)));
    const remote = await Promise.all(Array.from({ length: clientsPerReplica }, () => client(second.url, cookie)));

    const committedAt: number[] = [];
    let next = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (performance.now() < deadline) {
          const n = next++;
          await runCommand({ db: first.db, hub: first.app.eventHub, idempotencyKey: null }, async () => ({
            result: undefined,
            events: [{ type: 'bench.tick', data: { n } }],
          }));
          committedAt[n] = performance.now();
          // Commands arrive as requests, i.e. from I/O: yield to it. (PGlite answers in-process,
          // so a tight loop would otherwise starve the sockets until the writers stop.)
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const total = next;
    const waitUntil = performance.now() + 10_000;
    while ([...local, ...remote].some((c) => c.received.length < total) && performance.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const latencies = (clients: typeof local) =>
      clients.flatMap((c) => c.received.map(({ n, at }) => at - (committedAt[n] ?? at))).sort((a, b) => a - b);
    const complete = [...local, ...remote].every(
      (c) => c.received.length === total && new Set(c.received.map((r) => r.n)).size === total,
    );
    const firstOrder = JSON.stringify(local[0]?.received.map((r) => r.n));
    const sameOrder = [...local, ...remote].every((c) => JSON.stringify(c.received.map((r) => r.n)) === firstOrder);
    const localMs = latencies(local);
    const remoteMs = latencies(remote);
    for (const c of [...local, ...remote]) c.socket.terminate();
    process.stdout.write(
      `${JSON.stringify({
        database: testDb.db.kind,
        seconds: Math.round(elapsed * 10) / 10,
        writers,
        clients: local.length + remote.length,
        commandsPerSec: Math.round(total / elapsed),
        eventsDelivered: localMs.length + remoteMs.length,
        everyClientGotEveryEventOnceInOneOrder: complete && sameOrder,
        sameReplicaP50Ms: percentile(localMs, 50),
        sameReplicaP99Ms: percentile(localMs, 99),
        otherReplicaP50Ms: percentile(remoteMs, 50),
        otherReplicaP99Ms: percentile(remoteMs, 99),
        otherReplicaMaxMs: percentile(remoteMs, 100),
      })}\n`,
    );
  } finally {
    await first.app.close();
    await second.app.close();
    if (secondDb !== testDb.db) await secondDb.close();
    await testDb.drop();
  }
}

await main();
