import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test-app.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';
import { injectConflicts } from '../../../../testing/inject-conflicts.ts';
import { lockWaiters, openLockHolder } from '../../../../testing/lock-holder.ts';
import { usingPostgres } from '../../../../testing/test-database.ts';
import {
  openWorkQueueApp,
  postAs,
  releaseFixtureOrder,
  type WorkQueueApp,
} from '../../../../testing/work-queue-app.ts';

type Answer = Awaited<ReturnType<typeof postAs>>;

/**
 * Commands that meet on one piece at the same moment: whatever the interleaving, nobody gets a
 * 500 and every item has one claimer. On PostgreSQL the commands are lined up behind row locks a
 * second connection holds, in the order that deadlocked when claim-next locked the work item
 * before the piece's root token; on PGlite (one connection) they simply run concurrently. A
 * deadlock or serialization failure that still happens is retried inside the server (forced here
 * by a real deadlock on PostgreSQL and by a trigger raising the SQLSTATE on both engines), and
 * one that keeps happening is a 503 with Retry-After that wrote nothing.
 */
describe(`concurrent work-item commands on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let app: WorkQueueApp;
  let t: TestApp;
  let manager: TestLogin;
  let ana: TestLogin;
  let bo: TestLogin;
  let orders = 0;

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana Operator', 'Bo Operator']);
    ({ t, manager } = app);
    [ana, bo] = app.operators as [TestLogin, TestLogin];
  }, 120_000);
  afterAll(() => t.close());

  const post = (who: TestLogin, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    postAs(t, who, url, payload, headers);

  /** Cancels every piece in flight, then releases `quantity` new ones: their items at `cut` are the only ready ones. */
  async function releaseAlone(quantity: number): Promise<{ items: string[]; tokens: string[] }> {
    const open = await t.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE state IN ('active', 'waiting') AND parent_id IS NULL`,
    );
    if (open.length > 0)
      expect(
        (
          await post(manager, '/tokens/cancel', {
            tokenIds: open.map((row) => row.id),
            type: 'PERMANENT',
            reason: 'Test reset',
          })
        ).statusCode,
      ).toBe(200);
    return releaseFixtureOrder(app, `MO-2026-${String(9000 + ++orders)}`, quantity);
  }

  /** {@link releaseAlone} for one piece: its item and token. */
  async function onePiece(): Promise<{ item: string; token: string }> {
    const { items, tokens } = await releaseAlone(1);
    return { item: items[0] as string, token: tokens[0] as string };
  }

  async function eventCount(workItemId: string, type: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE work_item_id = $1::uuid AND type = $2',
      [workItemId, type],
    );
    return row?.n ?? 0;
  }

  async function itemRow(workItemId: string): Promise<{ state: string; assigneeId: string | null; version: number }> {
    const [row] = await t.db.query<{ state: string; assigneeId: string | null; version: number }>(
      'SELECT state::text AS state, assignee_id AS "assigneeId", version FROM work_items WHERE id = $1::uuid',
      [workItemId],
    );
    if (row === undefined) throw new Error(`no work item ${workItemId}`);
    return row;
  }

  /**
   * Runs `first`, then `second`, on one piece. On PostgreSQL the piece's root token is locked
   * first, so `first` waits for it, then `second` starts (and waits too, unless it needs no lock
   * that is held); then the lock is released and both go on. On PGlite both just run at once.
   */
  async function race(
    rootTokenId: string,
    first: () => Promise<Answer>,
    second: () => Promise<Answer>,
  ): Promise<[Answer, Answer]> {
    if (!usingPostgres()) return Promise.all([first(), second()]);
    const holder = await openLockHolder(t.db);
    try {
      await holder.query('SELECT id FROM tokens WHERE id = $1::uuid FOR UPDATE', [rootTokenId]);
      const firstAnswer = first();
      await lockWaiters(t.db, 1, firstAnswer);
      const secondAnswer = second();
      await lockWaiters(t.db, 2, secondAnswer);
      await holder.release();
      return await Promise.all([firstAnswer, secondAnswer]);
    } finally {
      await holder.close();
    }
  }

  function expectProblem(answer: Answer, status: number, code: string): void {
    expect(answer.statusCode, answer.body).toBe(status);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json().code).toBe(code);
  }

  it('a claim by id racing claim-next for the same item: one of them claims it, the other hears so, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const { item, token } = await onePiece();
      const [byId, next] = await race(
        token,
        () => post(ana, `/work-items/${item}/claim`),
        () => post(bo, '/work-items/claim-next', { node: 'cut' }),
      );
      const winners = [byId, next].filter((answer) => answer.statusCode === 200);
      expect(winners, `${byId.body} / ${next.body}`).toHaveLength(1);
      if (byId.statusCode !== 200) expectProblem(byId, 409, 'ALREADY_CLAIMED');
      if (next.statusCode !== 200) expectProblem(next, 404, 'NO_WORK_AVAILABLE');
      const winner = byId.statusCode === 200 ? ana : bo;
      expect(await itemRow(item)).toMatchObject({ state: 'assigned', assigneeId: winner.userId, version: 1 });
      expect(await eventCount(item, 'work_item.claimed')).toBe(1);
    }
  });

  it('a bulk cancel racing claim-next for an item of the piece: the piece is cancelled, never a 500', async () => {
    const { item, token } = await onePiece();
    const [cancel, next] = await race(
      token,
      () => post(manager, '/tokens/cancel', { tokenIds: [token], type: 'PERMANENT', reason: 'Race' }),
      () => post(bo, '/work-items/claim-next', { node: 'cut' }),
    );
    expect(cancel.statusCode, cancel.body).toBe(200);
    if (next.statusCode !== 200) expectProblem(next, 404, 'NO_WORK_AVAILABLE');
    expect((await itemRow(item)).state).toBe('cancelled');
    expect(await eventCount(item, 'work_item.cancelled')).toBe(1);
  });

  // Under load a bulk cancel read its clock, then waited (for a connection, for the piece's lock)
  // while a start committed: it closed the new time log before it began, violating
  // time_logs_interval_check (a 500). The holder plays the start that commits while the
  // cancellation waits. PGlite has one connection, so nothing can commit while a command waits.
  it.runIf(usingPostgres())(
    'a bulk cancel that waited while the piece was started ends the new time log no earlier than it began',
    async () => {
      const { item, token } = await onePiece();
      expect((await post(ana, `/work-items/${item}/claim`)).statusCode).toBe(200);
      const holder = await openLockHolder(t.db);
      let cancel: Answer;
      try {
        await holder.query('SELECT id FROM tokens WHERE id = $1::uuid FOR UPDATE', [token]);
        const cancelling = post(manager, '/tokens/cancel', {
          tokenIds: [token],
          type: 'PERMANENT',
          reason: 'Started meanwhile',
        });
        await lockWaiters(t.db, 1, cancelling);
        // The start, a moment after the cancellation's clock: its item, its time log and the piece's version.
        await holder.query(
          `UPDATE work_items SET state = 'in_progress', started_at = clock_timestamp() + interval '50 ms', updated_at = clock_timestamp() + interval '50 ms', version = version + 1 WHERE id = $1::uuid`,
          [item],
        );
        await holder.query(
          `INSERT INTO time_logs (work_item_id, user_id, started_at) VALUES ($1::uuid, $2::uuid, clock_timestamp() + interval '50 ms')`,
          [item, ana.userId],
        );
        await holder.query('UPDATE tokens SET piece_version = piece_version + 1 WHERE id = $1::uuid', [token]);
        await holder.release();
        cancel = await cancelling;
      } finally {
        await holder.close();
      }
      expect(cancel.statusCode, cancel.body).toBe(200);
      expect((await itemRow(item)).state).toBe('cancelled');
      const logs = await t.db.query<{ ended: boolean; reason: string | null }>(
        'SELECT ended_at >= started_at AS ended, end_reason::text AS reason FROM time_logs WHERE work_item_id = $1::uuid',
        [item],
      );
      expect(logs).toEqual([{ ended: true, reason: 'cancelled' }]);
    },
  );

  it('operators taking, claiming, starting and completing while a manager requeues and cancels: no 500, one claimer per claim', async () => {
    const { items, tokens } = await releaseAlone(12);
    const takers = await Promise.all(
      Array.from({ length: 4 }, (_, n) => loginAs(t.db, 'operator', { displayName: `Taker ${n}` })),
    );
    const answers: Answer[] = [];
    const take = async (who: TestLogin) => {
      for (;;) {
        const taken = await post(who, '/work-items/claim-next', { node: 'cut' });
        answers.push(taken);
        if (taken.statusCode !== 200) return;
        const id = taken.json().id as string;
        answers.push(await post(who, `/work-items/${id}/start`));
        answers.push(await post(who, `/work-items/${id}/complete`));
      }
    };
    const snatch = async () => {
      for (const id of items) answers.push(await post(ana, `/work-items/${id}/claim`));
    };
    const manage = async () => {
      for (const id of items.slice(0, 6))
        answers.push(await post(manager, `/work-items/${id}/requeue`, { reason: 'Rebalance' }));
      answers.push(
        await post(manager, '/tokens/cancel', { tokenIds: tokens.slice(9), type: 'PERMANENT', reason: 'Race' }),
      );
    };
    await Promise.all([...takers.map(take), snatch(), manage()]);
    expect(answers.filter((answer) => answer.statusCode >= 500).map((answer) => answer.body)).toEqual([]);
    for (const id of items) {
      const { state } = await itemRow(id);
      if (state === 'cancelled') continue;
      // Every claim but the one that holds the item now was undone by a requeue: never two holders at once.
      const claims = await eventCount(id, 'work_item.claimed');
      const requeues = await eventCount(id, 'work_item.requeued');
      expect(claims - requeues, id).toBe(state === 'ready' ? 0 : 1);
    }
  });

  describe('a deadlock or serialization failure is retried in the server', () => {
    it('a claim by id whose write fails twice with a deadlock claims once on the third attempt', async () => {
      const { item } = await onePiece();
      const remove = await injectConflicts(t.db, 'work_items', 2, '40P01');
      try {
        const answer = await post(ana, `/work-items/${item}/claim`);
        expect(answer.statusCode, answer.body).toBe(200);
      } finally {
        await remove();
      }
      expect(await itemRow(item)).toMatchObject({ state: 'assigned', assigneeId: ana.userId, version: 1 });
      expect(await eventCount(item, 'work_item.claimed')).toBe(1);
    });

    it('claim-next whose transaction fails with a serialization failure takes the item on the next attempt', async () => {
      const { item } = await onePiece();
      const remove = await injectConflicts(t.db, 'work_items', 1, '40001');
      try {
        const answer = await post(bo, '/work-items/claim-next', { node: 'cut' });
        expect(answer.statusCode, answer.body).toBe(200);
        expect(answer.json()).toMatchObject({ id: item, assigneeId: bo.userId, version: 1 });
      } finally {
        await remove();
      }
      expect(await eventCount(item, 'work_item.claimed')).toBe(1);
    });

    it('a bulk cancel whose transaction deadlocks is run again and cancels once', async () => {
      const { item, token } = await onePiece();
      const remove = await injectConflicts(t.db, 'work_items', 1, '40P01');
      try {
        const answer = await post(manager, '/tokens/cancel', {
          tokenIds: [token],
          type: 'PERMANENT',
          reason: 'Retried',
        });
        expect(answer.statusCode, answer.body).toBe(200);
      } finally {
        await remove();
      }
      expect((await itemRow(item)).state).toBe('cancelled');
      const [row] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE token_id = $1::uuid AND type = 'token.cancelled'`,
        [token],
      );
      expect(row?.n).toBe(1);
    });

    it('one that keeps failing answers 503 with Retry-After, writes nothing and frees the Idempotency-Key', async () => {
      const { item } = await onePiece();
      expect((await post(ana, `/work-items/${item}/claim`)).statusCode).toBe(200);
      const key = { 'idempotency-key': 'start-under-contention' };
      const remove = await injectConflicts(t.db, 'work_items', 1_000, '40P01');
      let answer: Answer;
      try {
        // The start after a claim begins from this process's remembered copy of the item.
        answer = await post(ana, `/work-items/${item}/start`, undefined, key);
      } finally {
        await remove();
      }
      expectProblem(answer, 503, 'TRANSACTION_CONFLICT');
      expect(answer.headers['retry-after']).toBe('1');
      expect(await itemRow(item)).toMatchObject({ state: 'assigned', version: 1 });
      expect(await eventCount(item, 'work_item.started')).toBe(0);

      // Nothing of the failed attempts stays behind: the same key runs the start, from the item as it is.
      const again = await post(ana, `/work-items/${item}/start`, undefined, key);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.headers['idempotency-replayed']).toBeUndefined();
      expect(again.json()).toMatchObject({ state: 'in_progress', version: 2 });
      expect(await eventCount(item, 'work_item.started')).toBe(1);
    });

    it.runIf(usingPostgres())(
      'a claim chosen as the victim of a real deadlock is run again and claims the item',
      async () => {
        const { item, token } = await onePiece();
        // The holder waits 10 s before it looks for a deadlock, so the server's command (1 s) is the one aborted.
        const holder = await openLockHolder(t.db, ["SET deadlock_timeout = '10s'"]);
        try {
          await holder.query('SELECT id FROM work_items WHERE id = $1::uuid FOR UPDATE', [item]);
          const claim = post(ana, `/work-items/${item}/claim`);
          // The claim holds the root token and waits for the item; the holder now waits for the root token.
          await lockWaiters(t.db, 1, claim);
          const closing = holder
            .query('SELECT id FROM tokens WHERE id = $1::uuid FOR UPDATE', [token])
            .then(() => holder.release());
          const answer = await claim;
          await closing;
          expect(answer.statusCode, answer.body).toBe(200);
        } finally {
          await holder.close();
        }
        expect(await itemRow(item)).toMatchObject({ state: 'assigned', assigneeId: ana.userId, version: 1 });
        expect(await eventCount(item, 'work_item.claimed')).toBe(1);
      },
    );
  });
});
