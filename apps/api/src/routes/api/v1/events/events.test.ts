import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import {
  commitEvents,
  eventCount,
  numberedEvents,
  recordStream,
  type StreamRecorder,
} from '../../../../events/test-stream.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { heldTransaction } from '../../../../testing/held-transaction.ts';
import { usingPostgres } from '../../../../testing/test-database.ts';

async function waitUntilDelivered(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the committed events were not delivered within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`/api/v1/events on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testApp: TestApp;
  let headers: { cookie: string };
  const orderA = randomUUID();
  const orderB = randomUUID();
  const workCenter = randomUUID();
  const operator = randomUUID();
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    testApp = await buildTestApp();
    headers = (await loginAs(testApp.db, 'integrator')).headers;
    await commitEvents(testApp.db, testApp.app.eventHub, [
      { type: 'token.released', orderId: orderA, nodeKey: 'start', data: { n: 0 } },
      { type: 'work_item.created', orderId: orderA, nodeKey: 'cut', workCenterId: workCenter, data: { n: 1 } },
      { type: 'token.released', orderId: orderB, nodeKey: 'start', data: { n: 2 } },
      {
        type: 'work_item.claimed',
        orderId: orderB,
        nodeKey: 'cut',
        workCenterId: workCenter,
        operatorId: operator,
        data: { n: 3 },
      },
      { type: 'work_item.started', orderId: orderB, nodeKey: 'cut', operatorId: operator, data: { n: 4 } },
    ]);
    // On a shared PostgreSQL server, a transaction still running in any database holds delivery back.
    await waitUntilDelivered(() =>
      get('/api/v1/events?limit=10').then((response) => response.json().items.length === 5),
    );
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await testApp.close();
  });

  const get = (url: string, withHeaders: Record<string, string> = headers) =>
    testApp.app.inject({ method: 'GET', url, headers: withHeaders });

  /** Opens a WebSocket on the app (no port) and records it from the first frame. */
  async function connect(query: string): Promise<{ socket: WebSocket; stream: StreamRecorder }> {
    let stream: StreamRecorder | undefined;
    const socket = await testApp.app.injectWS(
      `/api/v1/events${query}`,
      { headers },
      { onInit: (ws) => (stream = recordStream(ws)) },
    );
    sockets.push(socket);
    if (!stream) throw new Error('onInit did not run');
    return { socket, stream };
  }

  describe('GET (catch-up)', () => {
    it('pages through every event in order, each once, with nextSince', async () => {
      const first = await get('/api/v1/events?limit=2');
      expect(first.statusCode).toBe(200);
      const page1 = first.json();
      expect(page1.items.map((event: { data: { n: number } }) => event.data.n)).toEqual([0, 1]);
      expect(page1.more).toBe(true);
      expect(page1.items[1]).toMatchObject({
        type: 'work_item.created',
        orderId: orderA,
        nodeKey: 'cut',
        workCenterId: workCenter,
        operatorId: null,
      });

      const rest = (await get(`/api/v1/events?since=${page1.nextSince}&limit=10`)).json();
      expect(rest.items.map((event: { data: { n: number } }) => event.data.n)).toEqual([2, 3, 4]);
      expect(rest.more).toBe(false);

      const after = (await get(`/api/v1/events?since=${rest.nextSince}`)).json();
      expect(after).toEqual({ items: [], nextSince: rest.nextSince, more: false });
    });

    it('filters by topics (any of them), repeated or comma-separated', async () => {
      const byOrder = (await get(`/api/v1/events?topics=order:${orderA}`)).json();
      expect(byOrder.items.map((event: { data: { n: number } }) => event.data.n)).toEqual([0, 1]);

      const mixed = (await get(`/api/v1/events?topics=operator:${operator.toUpperCase()},node:start`)).json();
      expect(mixed.items.map((event: { data: { n: number } }) => event.data.n)).toEqual([0, 2, 3, 4]);

      const repeated = (await get(`/api/v1/events?topics=work-center:${workCenter}&topics=order:${orderB}`)).json();
      expect(repeated.items.map((event: { data: { n: number } }) => event.data.n)).toEqual([1, 2, 3, 4]);
    });

    it('refuses a malformed topic, an unknown since and a bad limit with a 400 problem', async () => {
      const unknownKind = await get('/api/v1/events?topics=customer:42');
      expect(unknownKind.statusCode).toBe(400);
      expect(unknownKind.headers['content-type']).toContain('application/problem+json');
      expect(unknownKind.json().detail).toContain('Unknown topic "customer:42"');

      const badId = await get('/api/v1/events?topics=order:not-a-uuid');
      expect(badId.statusCode).toBe(400);
      expect(badId.json().detail).toContain('an order id (UUID)');

      const unknownSince = await get('/api/v1/events?since=999999');
      expect(unknownSince.statusCode).toBe(400);
      expect(unknownSince.json().code).toBe('UNKNOWN_SINCE');

      for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=1001']) {
        const response = await get(`/api/v1/events?${query}`);
        expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      }
    });

    it('needs a signed-in caller', async () => {
      const anonymous = await get('/api/v1/events', {});
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('AUTHENTICATION_REQUIRED');
      for (const role of ['admin', 'designer', 'manager', 'operator'] as const) {
        const login = await loginAs(testApp.db, role);
        expect((await get('/api/v1/events?limit=1', login.headers)).statusCode).toBe(200);
      }
    });
  });

  describe('WebSocket', () => {
    it('sends the backlog after since, then caught-up, then live events as they commit', async () => {
      const backlog = (await get('/api/v1/events?limit=2')).json();
      const { stream } = await connect(`?since=${backlog.nextSince}`);
      await stream.until((messages) => messages.some((message) => message.type === 'caught-up'));
      expect(
        stream.messages.map((message) => (message.type === 'event' ? message.event.data.n : message.type)),
      ).toEqual([2, 3, 4, 'caught-up']);

      await commitEvents(testApp.db, testApp.app.eventHub, numberedEvents('live.one', 2, 100));
      await stream.until(eventCount(5));
      expect(stream.events().map((event) => event.data.n)).toEqual([2, 3, 4, 100, 101]);
    });

    it('without since, streams only what commits from now on; with topics, only matching events', async () => {
      const everything = await connect('');
      const onlyOperator = await connect(`?topics=operator:${operator}`);
      await everything.stream.until((messages) => messages.some((message) => message.type === 'caught-up'));
      await onlyOperator.stream.until((messages) => messages.some((message) => message.type === 'caught-up'));

      await commitEvents(testApp.db, testApp.app.eventHub, [
        { type: 'work_item.paused', operatorId: operator, data: { n: 200 } },
        { type: 'token.moved', orderId: orderA, data: { n: 201 } },
      ]);
      await everything.stream.until(eventCount(2));
      await onlyOperator.stream.until(eventCount(1));
      expect(everything.stream.events().map((event) => event.data.n)).toEqual([200, 201]);
      // The second event reached the other client; had it matched, it would have arrived by now too.
      expect(onlyOperator.stream.events().map((event) => event.data.n)).toEqual([200]);
    });

    it('answers a ping with pong and anything else with an error message', async () => {
      const { socket, stream } = await connect('');
      socket.send(JSON.stringify({ type: 'ping' }));
      socket.send('hello');
      await stream.until((messages) => messages.some((message) => message.type === 'error'));
      expect(stream.messages.filter((message) => message.type !== 'caught-up').map((message) => message.type)).toEqual([
        'pong',
        'error',
      ]);
    });

    it('closes the socket (1009) on a client message over 4 KiB', async () => {
      const { socket, stream } = await connect('');
      socket.send('x'.repeat(5 * 1024));
      expect(await stream.closed()).toBe(1009);
    });

    it('shows API key and station events to admins only, over HTTP and the WebSocket', async () => {
      const admin = await loginAs(testApp.db, 'admin');
      const operatorLogin = await loginAs(testApp.db, 'operator');
      const before = (await get('/api/v1/events?limit=1000')).json().nextSince;
      let adminStream: StreamRecorder | undefined;
      await testApp.app.injectWS(
        '/api/v1/events',
        { headers: admin.headers },
        { onInit: (ws) => (adminStream = recordStream(ws)) },
      );
      const operatorSocket = await connect('');
      await adminStream!.until((messages) => messages.some((message) => message.type === 'caught-up'));
      await operatorSocket.stream.until((messages) => messages.some((message) => message.type === 'caught-up'));

      await commitEvents(testApp.db, testApp.app.eventHub, [
        { type: 'api_key.created', data: { n: 300, prefix: 'af_1234' } },
        { type: 'station.paired', data: { n: 302, name: 'Cutting tablet', deviceId: 'd' } },
        { type: 'user.attendance_changed', data: { n: 301 } },
      ]);
      await adminStream!.until(eventCount(3));
      await operatorSocket.stream.until(eventCount(1));
      expect(adminStream!.events().map((event) => event.type)).toEqual([
        'api_key.created',
        'station.paired',
        'user.attendance_changed',
      ]);
      expect(operatorSocket.stream.events().map((event) => event.type)).toEqual(['user.attendance_changed']);

      await waitUntilDelivered(
        async () => (await get(`/api/v1/events?since=${before}`, admin.headers)).json().items.length === 3,
      );
      for (const login of [operatorLogin, { headers }]) {
        const seen = (await get(`/api/v1/events?since=${before}`, login.headers))
          .json()
          .items.map((event: { type: string }) => event.type);
        expect(seen).toEqual(['user.attendance_changed']);
      }
    });

    it('refuses bad input and anonymous callers before the upgrade', async () => {
      await expect(testApp.app.injectWS('/api/v1/events?topics=nope:1', { headers })).rejects.toThrow(
        'Unexpected server response: 400',
      );
      await expect(testApp.app.injectWS('/api/v1/events?since=987654', { headers })).rejects.toThrow(
        'Unexpected server response: 400',
      );
      await expect(testApp.app.injectWS('/api/v1/events', {})).rejects.toThrow('Unexpected server response: 401');
    });
  });

  describe('resume position', () => {
    type Received = { seq: number; type: string; position: string };
    const page = async (
      since: string | number,
      topic = 'node:resume',
    ): Promise<{ items: Received[]; nextSince: string }> => {
      const response = await get(`/api/v1/events?since=${encodeURIComponent(since)}&topics=${topic}&limit=1000`);
      expect(response.statusCode).toBe(200);
      return response.json();
    };

    it('gives every delivered event the position to resume from, over HTTP and the WebSocket, and since= takes it', async () => {
      const before = (await page(0)).nextSince;
      await commitEvents(
        testApp.db,
        testApp.app.eventHub,
        numberedEvents('resume.numbered', 3, 0, { nodeKey: 'resume' }),
      );
      await waitUntilDelivered(async () => (await page(before)).items.length === 3);
      const { items, nextSince } = await page(before);
      for (const item of items) expect(item.position).toMatch(/^\d+:\d+$/);
      expect(new Set(items.map((item) => item.position)).size).toBe(3);
      expect(nextSince).toBe(items[2]!.position);

      // Resuming from the position of the first event gives the two after it, from seq alike.
      expect((await page(items[0]!.position)).items).toEqual(items.slice(1));
      expect((await page(items[0]!.seq)).items).toEqual(items.slice(1));

      const { stream } = await connect(`?since=${encodeURIComponent(items[0]!.position)}&topics=node:resume`);
      await stream.until(eventCount(2));
      expect(stream.events().map((event) => event.position)).toEqual(items.slice(1).map((item) => item.position));
    });

    it('refuses a position no event has with a 400 problem, over HTTP and the WebSocket', async () => {
      const { items } = await page(0);
      const [txId, seq] = items[0]!.position.split(':');
      for (const since of [`${txId}:${Number(seq) + 1_000_000}`, `${BigInt(txId!) + 1n}:${seq}`, '1:2:3', ':1', '1:']) {
        const response = await get(`/api/v1/events?since=${encodeURIComponent(since)}`);
        expect({ since, status: response.statusCode, type: response.headers['content-type'] }).toEqual({
          since,
          status: 400,
          type: expect.stringContaining('application/problem+json'),
        });
      }
      await expect(
        testApp.app.injectWS(`/api/v1/events?since=${txId}:${Number(seq) + 1_000_000}`, { headers }),
      ).rejects.toThrow('Unexpected server response: 400');
    });

    // PGlite runs one transaction at a time, so its events always arrive in seq order.
    it.runIf(usingPostgres())(
      'loses nothing when events arrive out of seq order and the client resumes from the last delivered position',
      async () => {
        const before = (await page(0, 'node:inverted')).nextSince;
        const insert = (type: string) => async (tx: { query: typeof testApp.db.query }) => {
          await tx.query(`INSERT INTO events (type, node_key) VALUES ($1, 'inverted')`, [type]);
        };
        // `older` takes its transaction id first, `newer` the smaller seq; `older` commits first.
        const older = heldTransaction(testApp.db);
        const newer = heldTransaction(testApp.db);
        try {
          await older.run((tx) => tx.query('SELECT pg_current_xact_id()'));
          await newer.run(insert('newer-tx-smaller-seq'));
          await older.run(insert('older-tx-larger-seq'));
          await older.commit();

          await waitUntilDelivered(async () => (await page(before, 'node:inverted')).items.length === 1);
          const [first] = (await page(before, 'node:inverted')).items;
          expect(first!.type).toBe('older-tx-larger-seq');
          const { stream } = await connect(`?since=${encodeURIComponent(first!.position)}&topics=node:inverted`);
          await stream.until((messages) => messages.some((message) => message.type === 'caught-up'));

          await newer.commit();
          await waitUntilDelivered(async () => (await page(first!.position, 'node:inverted')).items.length === 1);
          const [second] = (await page(first!.position, 'node:inverted')).items;
          expect(second!.type).toBe('newer-tx-smaller-seq');
          // Delivered second, yet with the smaller seq: the largest seq seen is not where to resume.
          expect(second!.seq).toBeLessThan(first!.seq);
          await stream.until(eventCount(1));
          expect(stream.events().map((event) => event.position)).toEqual([second!.position]);
          expect((await page(before, 'node:inverted')).items.map((item) => item.type)).toEqual([
            'older-tx-larger-seq',
            'newer-tx-smaller-seq',
          ]);
        } finally {
          // A failed step must not leave a transaction holding delivery back for the rest of the file.
          await Promise.allSettled([older.commit(), newer.commit()]);
        }
      },
    );
  });
});
