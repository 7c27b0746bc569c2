import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryOptions } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';
import { createEventHub, type EventHub, type EventSink } from './event-hub.ts';
import { eventHorizon } from './event-horizon.ts';
import type { OutboxEvent } from './outbox-event.ts';
import { commitEvents, numberedEvents } from './test-stream.ts';
import { ALL_TOPICS, parseTopics } from '@atelier/contracts';

/** A sink that records what it gets. */
function recordingSink() {
  const events: OutboxEvent[] = [];
  let caughtUp = false;
  const sink: EventSink = {
    send: (event) => void events.push(event),
    drained: async () => undefined,
    caughtUp: () => void (caughtUp = true),
    failed: (error) => {
      throw error;
    },
  };
  return {
    sink,
    events,
    isCaughtUp: () => caughtUp,
    numbers: () => events.map((event) => event.data.n as number),
    async until(count: number, timeoutMs = 10_000): Promise<number> {
      const started = Date.now();
      while (events.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`only ${events.length} of ${count} events arrived`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      return Date.now() - started;
    },
  };
}

const topics = (...names: string[]) => {
  const parsed = parseTopics(names);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filter;
};

describe(`event hub on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let db: Database;
  /** Another replica's handle on the same database (the same handle on PGlite, which is in-process). */
  let replicaDb: Database;
  let hub: EventHub;
  let replicaHub: EventHub;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db;
    replicaDb = testDb.databaseUrl ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' }) : db;
    // No safety poll within a test's time: deliveries below come from wake-ups and NOTIFY only.
    hub = createEventHub(db, { safetyPollMs: 600_000, pageSize: 50 });
    replicaHub = createEventHub(replicaDb, { safetyPollMs: 600_000, pageSize: 50 });
    await hub.start();
    await replicaHub.start();
  });
  afterAll(async () => {
    await hub.stop();
    await replicaHub.stop();
    if (replicaDb !== db) await replicaDb.close();
    await testDb.drop();
  });

  it('delivers a command’s events to local subscribers after commit, filtered by topic', async () => {
    const all = recordingSink();
    const cutting = recordingSink();
    const a = hub.subscribe(all.sink, { topics: ALL_TOPICS });
    const b = hub.subscribe(cutting.sink, { topics: topics('node:cut') });
    expect(all.isCaughtUp()).toBe(true);

    await commitEvents(db, hub, [
      { type: 'token.moved', nodeKey: 'cut', data: { n: 1 } },
      { type: 'token.moved', nodeKey: 'sew', data: { n: 2 } },
    ]);
    await all.until(2);
    expect(all.numbers()).toEqual([1, 2]);
    expect(cutting.numbers()).toEqual([1]);
    a.close();
    b.close();
    expect(hub.subscriberCount()).toBe(0);
  });

  it('reaches the subscribers of another replica within 1 s through NOTIFY', async () => {
    const remote = recordingSink();
    // Earlier tests' events may still be on their way to this replica: listen to this test's node only.
    const subscription = replicaHub.subscribe(remote.sink, { topics: topics('node:remote') });
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = Date.now();
      await commitEvents(db, hub, numberedEvents('remote', 1, round, { nodeKey: 'remote' }));
      await remote.until(round + 1, 1_000);
      latencies.push(Date.now() - started);
    }
    expect(remote.numbers()).toEqual([0, 1, 2, 3, 4]);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    subscription.close();
  });

  it('catches a late subscriber up from the table, then hands it to the live stream without a gap or a repeat', async () => {
    const start = await eventHorizon(db);
    const writing = (async () => {
      for (let batch = 0; batch < 20; batch++)
        await commitEvents(db, hub, numberedEvents('busy', 5, batch * 5, { nodeKey: 'busy' }));
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = recordingSink();
    const subscription = replicaHub.subscribe(late.sink, { after: start, topics: topics('node:busy') });
    await writing;
    await late.until(100);
    await hub.settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late.numbers()).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(late.isCaughtUp()).toBe(true);
    subscription.close();
  });

  it('reads no events while nobody in the process subscribes, then serves a new subscriber from where it asks', async () => {
    const statements: string[] = [];
    // The hub's database handle, recording every statement the hub sends.
    const watched = new Proxy(db, {
      get: (target, key) =>
        key === 'query'
          ? (text: string, params?: unknown[], options?: QueryOptions) => {
              statements.push(text);
              return target.query(text, params, options);
            }
          : Reflect.get(target, key, target),
    });
    const quietHub = createEventHub(watched, { safetyPollMs: 600_000, pageSize: 50 });
    await quietHub.start();
    try {
      const before = await eventHorizon(db);
      await commitEvents(db, quietHub, numberedEvents('quiet', 3, 0, { nodeKey: 'quiet' }));
      await quietHub.settled();
      expect(statements.filter((text) => /FROM events/.test(text))).toEqual([]);

      const fromBefore = recordingSink();
      const liveOnly = recordingSink();
      const a = quietHub.subscribe(fromBefore.sink, { after: before, topics: topics('node:quiet') });
      const b = quietHub.subscribe(liveOnly.sink, { topics: topics('node:quiet') });
      while (!liveOnly.isCaughtUp()) await new Promise((resolve) => setTimeout(resolve, 2));
      await commitEvents(db, quietHub, numberedEvents('quiet', 2, 3, { nodeKey: 'quiet' }));
      await fromBefore.until(5);
      await liveOnly.until(2);
      await quietHub.settled();
      expect(fromBefore.numbers()).toEqual([0, 1, 2, 3, 4]);
      // Live from when it subscribed: not the events committed while the hub was not reading.
      expect(liveOnly.numbers()).toEqual([3, 4]);
      a.close();
      b.close();
    } finally {
      await quietHub.stop();
    }
  });

  it.runIf(usingPostgres())(
    'delivers events held back by a foreign transaction soon after it ends, without a wake-up (PostgreSQL)',
    async () => {
      const sink = recordingSink();
      const subscription = hub.subscribe(sink.sink, { topics: topics('node:held') });
      // A transaction of this database that is no command of ours (think autovacuum ANALYZE) holds an id.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const foreign = db.transaction(async (tx) => {
        await tx.query('SELECT pg_current_xact_id()');
        holding();
        await released;
      });
      await held;
      await commitEvents(db, hub, numberedEvents('held', 1, 0, { nodeKey: 'held' }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sink.events).toEqual([]);

      release();
      await foreign;
      expect(await sink.until(1, 1_000)).toBeLessThan(1_000);
      subscription.close();
    },
  );

  it('sends nothing more once stopped, and refuses new subscriptions', async () => {
    const own = createEventHub(db, { safetyPollMs: 600_000 });
    await own.start();
    const sink = recordingSink();
    own.subscribe(sink.sink, { topics: ALL_TOPICS });
    await own.stop();
    await commitEvents(db, hub, numberedEvents('after-stop', 1));
    own.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.events).toEqual([]);
    expect(() => own.subscribe(recordingSink().sink, { topics: ALL_TOPICS })).toThrow(/not running/);
  });
});
