import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import type { Database } from './database.ts';
import { openDatabase } from './open-database.ts';

/** Collects payloads and lets a test wait for the next ones. */
function inbox() {
  const payloads: string[] = [];
  const waiters: (() => void)[] = [];
  return {
    payloads,
    handler: (payload: string) => {
      payloads.push(payload);
      waiters.splice(0).forEach((wake) => wake());
    },
    /** Resolves once `count` payloads have arrived (fails the test after 5 s). */
    async until(count: number): Promise<string[]> {
      const deadline = Date.now() + 5_000;
      while (payloads.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${payloads.length} of ${count} notifications arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return payloads;
    },
  };
}

const notify = (db: Database, channel: string, payload: string) =>
  db.query('SELECT pg_notify($1, $2)', [channel, payload]);

describe(`listen on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let db: Database;
  /** A second handle on the same database, as another API replica would hold (the same one on PGlite). */
  let replica: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
    db = testDb.db;
    replica = testDb.databaseUrl ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' }) : db;
  });
  afterAll(async () => {
    if (replica !== db) await replica.close();
    await testDb.drop();
  });

  it('delivers a NOTIFY from another connection with its payload, until unlistened', async () => {
    const received = inbox();
    const unlisten = await replica.listen('events_committed', received.handler);

    await notify(db, 'events_committed', '{"seq":42}');
    expect(await received.until(1)).toEqual(['{"seq":42}']);

    await unlisten();
    await notify(db, 'events_committed', '{"seq":43}');
    // A notification on a channel still listened to proves the earlier one had time to arrive.
    const control = inbox();
    await replica.listen('other_channel', control.handler);
    await notify(db, 'other_channel', 'after');
    expect(await control.until(1)).toEqual(['after']);
    expect(received.payloads).toEqual(['{"seq":42}']);
  });

  it('keeps each channel to its own listeners', async () => {
    const orders = inbox();
    const tokens = inbox();
    await replica.listen('orders', orders.handler);
    await replica.listen('tokens', tokens.handler);

    await notify(db, 'tokens', 't1');
    await notify(db, 'orders', 'o1');

    expect(await orders.until(1)).toEqual(['o1']);
    expect(await tokens.until(1)).toEqual(['t1']);
  });

  it('refuses a channel name the two engines would treat differently', async () => {
    await expect(db.listen('Events', () => undefined)).rejects.toThrow(/Invalid notification channel "Events"/);
    await expect(db.listen('a"b', () => undefined)).rejects.toThrow(/Invalid notification channel/);
  });

  describe.runIf(usingPostgres())('when the LISTEN connection drops (PostgreSQL)', () => {
    it('reconnects and listens again', async () => {
      const received = inbox();
      const warnings: string[] = [];
      const own = await openDatabase({
        databaseUrl: testDb.databaseUrl,
        dataDir: '',
        log: { info: () => undefined, warn: (line) => warnings.push(line) },
      });
      try {
        await own.listen('wake_up', received.handler);
        const [killed] = await db.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND query = 'LISTEN "wake_up"'`,
        );
        expect(killed?.n).toBe(1);

        // Notify until the restored connection hears one.
        const deadline = Date.now() + 10_000;
        while (received.payloads.length === 0 && Date.now() < deadline) {
          await notify(db, 'wake_up', 'again');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(received.payloads[0]).toBe('again');
        expect(warnings.some((line) => line.startsWith('LISTEN connection lost'))).toBe(true);
      } finally {
        await own.close();
      }
    });
  });
});
