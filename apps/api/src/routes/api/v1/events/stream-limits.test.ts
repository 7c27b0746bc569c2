import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { commitEvents, recordStream, type StreamRecorder } from '../../../../events/test-stream.ts';
import auth from '../../../../plugins/auth.ts';
import database from '../../../../plugins/database.ts';
import eventHub from '../../../../plugins/event-hub.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../../testing/test-database.ts';
import events from './index.ts';

const HEARTBEAT_MS = 150;
const MAX_BUFFERED_BYTES = 64 * 1024;

/** The underlying TCP socket of a client, to stop reading from it as a stuck or slow peer would. */
const tcpOf = (socket: WebSocket) => (socket as unknown as { _socket: Socket })._socket;

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(`WebSocket limits on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let cookie: string;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // The events routes alone, with a short heartbeat and a small send buffer so the limits show quickly.
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(database, { db: testDb.db });
    await app.register(auth);
    await app.register(eventHub);
    await app.register(events, {
      prefix: '/api/v1/events',
      heartbeatMs: HEARTBEAT_MS,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on a port');
    url = `ws://127.0.0.1:${address.port}/api/v1/events`;
    cookie = (await loginAs(testDb.db, 'operator')).headers.cookie;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await app.close();
    await testDb.drop();
  });

  async function connectLive(): Promise<{ socket: WebSocket; stream: StreamRecorder }> {
    const socket = new WebSocket(url, { headers: { cookie } });
    sockets.push(socket);
    const stream = recordStream(socket);
    await stream.until((messages) => messages.some((message) => message.type === 'caught-up'));
    return { socket, stream };
  }

  it('drops a peer that stops answering pings, and keeps one that answers', async () => {
    const healthy = await connectLive();
    const stuck = await connectLive();
    expect(app.eventHub.subscriberCount()).toBe(2);

    tcpOf(stuck.socket).pause();
    await until(() => app.eventHub.subscriberCount() === 1, 20 * HEARTBEAT_MS, 'the stuck peer to be dropped');
    await new Promise((resolve) => setTimeout(resolve, 4 * HEARTBEAT_MS));
    expect(app.eventHub.subscriberCount()).toBe(1);

    await commitEvents(testDb.db, app.eventHub, [{ type: 'still.here', data: {} }]);
    await healthy.stream.until((messages) => messages.some((message) => message.type === 'event'));
    tcpOf(stuck.socket).resume();
    expect(await stuck.stream.closed()).toBe(1006);
    healthy.socket.close();
    await healthy.stream.closed();
  });

  it('drops a live client that does not read (close 4008) instead of buffering for it', async () => {
    const slow = await connectLive();
    tcpOf(slow.socket).pause();

    // About 12 MB of events: far more than the socket buffers of the kernel and the limit hold.
    const padding = 'x'.repeat(4_000);
    for (let batch = 0; batch < 6; batch++) {
      const batchEvents = Array.from({ length: 500 }, (_, index) => ({
        type: 'bulky',
        data: { n: batch * 500 + index, padding },
      }));
      await commitEvents(testDb.db, app.eventHub, batchEvents);
    }
    await until(() => app.eventHub.subscriberCount() === 0, 15_000, 'the slow client to be dropped');

    tcpOf(slow.socket).resume();
    const code = await slow.stream.closed(10_000);
    // The close frame may not get through the full buffer before the socket is destroyed.
    expect([4008, 1006]).toContain(code);
    expect(slow.stream.events().length).toBeLessThan(3_000);
  });
});
