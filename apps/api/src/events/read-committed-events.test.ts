import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { SqlRunner } from '../db/database.ts';
import { heldTransaction } from '../testing/held-transaction.ts';
import { usingPostgres } from '../testing/test-database.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';
import { HORIZON_SQL } from './event-horizon.ts';
import { laterPosition, START, type EventPosition } from './event-position.ts';
import { readCommittedEvents } from './read-committed-events.ts';

/** A reader that keeps its frontier between reads, as the hub and a paging client do. */
function reader(db: SqlRunner, pageSize = 100) {
  let position: EventPosition = START;
  const received: string[] = [];
  return {
    received,
    /** Reads everything deliverable now. */
    async drain(): Promise<string[]> {
      const fresh: string[] = [];
      for (let full = true; full;) {
        const page = await readCommittedEvents(db, position, { limit: pageSize });
        fresh.push(...page.events.map(({ event }) => event.type));
        position = laterPosition(position, page.frontier);
        full = page.full;
      }
      received.push(...fresh);
      return fresh;
    },
    /** Reads until `count` events in all have arrived (a transaction elsewhere on the server may hold delivery back). */
    async until(count: number): Promise<string[]> {
      const deadline = Date.now() + 10_000;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${received.length} of ${count} events arrived: ${received.join(', ')}`);
        await this.drain();
        if (received.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
  };
}

const insertEvent = (tx: SqlRunner, type: string) =>
  tx.query<{ seq: number }>('INSERT INTO events (type) VALUES ($1) RETURNING seq', [type]);

describe(`readCommittedEvents on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  const testDb = useTestDatabase();

  it('reads through the (tx_id, seq) index, not a scan of the outbox', async () => {
    await testDb.db.query(`INSERT INTO events (type) SELECT 'bulk' FROM generate_series(1, 2000)`);
    await testDb.db.query('ANALYZE events');
    const plan = await testDb.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT e.* FROM (${HORIZON_SQL}) h
         LEFT JOIN LATERAL (SELECT * FROM events WHERE (tx_id, seq) > ($1::xid8, $2::bigint) AND tx_id < h.horizon
                             ORDER BY tx_id, seq LIMIT 100) e ON true`,
      ['0', '0'],
    );
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('events_tx_id_seq_idx');
    await testDb.db.query(`DELETE FROM events WHERE type = 'bulk'`);
  });

  it('delivers every committed event once and no rolled-back one, whatever the interleaving', async () => {
    const before = await reader(testDb.db)
      .until(0)
      .then(() => testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'));
    const follower = reader(testDb.db, 7);
    await follower.until(before[0]?.n ?? 0);
    follower.received.length = 0;

    const writers = Array.from({ length: 12 }, (_, writer) =>
      (async () => {
        for (let round = 0; round < 5; round++) {
          const committed = round !== 2 || writer % 3 !== 0;
          await testDb.db
            .transaction(async (tx) => {
              await insertEvent(tx, `w${writer}.r${round}.a`);
              await new Promise((resolve) => setTimeout(resolve, (writer * 7 + round * 13) % 11));
              await insertEvent(tx, `w${writer}.r${round}.b`);
              if (!committed) throw new Error('rolled back on purpose');
            })
            .catch((error: unknown) => {
              if (committed) throw error;
            });
        }
      })(),
    );
    // Read while the writers commit, so reads interleave with commits in flight.
    let writing = true;
    const reading = (async () => {
      while (writing) {
        await follower.drain();
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    await Promise.all(writers);
    writing = false;
    await reading;

    const expected = Array.from({ length: 12 }, (_, writer) =>
      Array.from({ length: 5 }, (_, round) =>
        round !== 2 || writer % 3 !== 0 ? [`w${writer}.r${round}.a`, `w${writer}.r${round}.b`] : [],
      ).flat(),
    ).flat();
    const received = await follower.until(expected.length);
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort()).toEqual([...expected].sort());
    // Within one transaction, events keep their order.
    for (const type of expected.filter((name) => name.endsWith('.a'))) {
      expect(received.indexOf(type)).toBeLessThan(received.indexOf(type.replace(/\.a$/, '.b')));
    }
  });

  describe.runIf(usingPostgres())('with transactions committing out of seq order (PostgreSQL)', () => {
    it('holds back a later seq that committed while an earlier seq is still in flight, then delivers both in order', async () => {
      const follower = reader(testDb.db);
      await follower.drain();
      follower.received.length = 0;

      const early = heldTransaction(testDb.db);
      const [earlySeq] = await early.run((tx) => insertEvent(tx, 'early'));
      const [lateSeq] = await testDb.db.transaction((tx) => insertEvent(tx, 'late'));
      expect(lateSeq!.seq).toBeGreaterThan(earlySeq!.seq);

      expect(await follower.drain()).toEqual([]);
      await early.commit();
      expect(await follower.until(2)).toEqual(['early', 'late']);
    });

    it('does not skip an earlier seq whose transaction started writing later but committed last', async () => {
      const follower = reader(testDb.db);
      await follower.drain();
      follower.received.length = 0;

      // `older` gets its transaction id first, `newer` takes the smaller seq, `older` commits the larger one.
      const older = heldTransaction(testDb.db);
      await older.run((tx) => tx.query('SELECT pg_current_xact_id()'));
      const newer = heldTransaction(testDb.db);
      const [newerSeq] = await newer.run((tx) => insertEvent(tx, 'newer-tx-smaller-seq'));
      const [olderSeq] = await older.run((tx) => insertEvent(tx, 'older-tx-larger-seq'));
      await older.commit();
      expect(olderSeq!.seq).toBeGreaterThan(newerSeq!.seq);

      // A reader keeping "the largest seq seen" would now move past the smaller seq and lose it.
      expect(await follower.until(1)).toEqual(['older-tx-larger-seq']);
      await newer.commit();
      expect(await follower.until(2)).toEqual(['older-tx-larger-seq', 'newer-tx-smaller-seq']);
      await follower.drain();
      expect(follower.received).toHaveLength(2);
    });

    it('does not wait for a transaction running in another database of the same server', async () => {
      const follower = reader(testDb.db);
      await follower.drain();
      follower.received.length = 0;

      const elsewhere = new URL(testDb.databaseUrl!);
      elsewhere.pathname = '/postgres';
      const other = new pg.Client({ connectionString: elsewhere.toString() });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_current_xact_id()');
        const held = heldTransaction(testDb.db);
        await held.run((tx) => tx.query('SELECT pg_current_xact_id()'));
        await testDb.db.transaction((tx) => insertEvent(tx, 'behind-our-own'));
        // Our own older transaction still holds it back; the other database's never does.
        expect(await follower.drain()).toEqual([]);
        await held.commit();
        expect(await follower.until(1)).toEqual(['behind-our-own']);
        await testDb.db.transaction((tx) => insertEvent(tx, 'next'));
        expect(await follower.until(2)).toEqual(['behind-our-own', 'next']);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
    });
  });
});
