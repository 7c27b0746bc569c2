import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test-app.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';
import {
  openWorkQueueApp,
  postAs,
  releaseFixtureOrder,
  type WorkQueueApp,
} from '../../../../testing/work-queue-app.ts';

/**
 * `POST /work-items/claim-next` ("take the next piece") on the fixture routing: queue order, the
 * queue place asked for, qualification, simultaneous takers, replays, roles and bad input. Each
 * test first takes every ready item away (a manager's bulk cancel of the earlier pieces), so the
 * queue holds exactly what the test released.
 */
describe('claim the next work item', () => {
  let app: WorkQueueApp;
  let t: TestApp;
  let manager: TestLogin;
  let ana: TestLogin;
  let orders = 0;

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana Operator']);
    ({ t, manager } = app);
    [ana] = app.operators as [TestLogin];
  }, 120_000);
  afterAll(() => t.close());

  const post = (who: TestLogin | undefined, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    postAs(t, who, url, payload, headers);
  const takeNext = (
    who: TestLogin | undefined,
    place?: { node?: string; workCenter?: string },
    headers: Record<string, string> = {},
  ) => post(who, '/work-items/claim-next', place, headers);

  /** Cancels every piece still in flight, so the queue is empty. */
  async function emptyQueue(): Promise<void> {
    const open = await t.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE state IN ('active', 'waiting') AND parent_id IS NULL`,
    );
    if (open.length === 0) return;
    const cancelled = await post(manager, '/tokens/cancel', {
      tokenIds: open.map((row) => row.id),
      type: 'PERMANENT',
      reason: 'Test reset',
    });
    expect(cancelled.statusCode).toBe(200);
  }

  /** Releases a new fixture order; returns its first work items (at `cut`), in serial order. */
  const release = async (quantity: number) =>
    (await releaseFixtureOrder(app, `MO-2026-${String(8000 + ++orders)}`, quantity)).items;

  async function claimedEvents(workItemId: string): Promise<number> {
    const rows = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE work_item_id = $1::uuid AND type = 'work_item.claimed'`,
      [workItemId],
    );
    return rows[0]?.n ?? 0;
  }

  it('takes the first item of the queue asked for (priority, then oldest) and binds it to me', async () => {
    await emptyQueue();
    // Three releases, so three creation times in order.
    const items = [...(await release(1)), ...(await release(1)), ...(await release(1))];
    await t.db.query('UPDATE work_items SET priority = 5 WHERE id = $1::uuid', [items[2]]);

    const first = await takeNext(ana, { node: 'cut' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      id: items[2],
      nodeKey: 'cut',
      state: 'assigned',
      assigneeId: ana.userId,
      operatorIds: [ana.userId],
      version: 1,
    });
    expect(await claimedEvents(items[2] as string)).toBe(1);
    // Then the oldest; a work center names the same queue here (cut is the only ready step at PF-CUT).
    expect((await takeNext(ana, { workCenter: 'PF-CUT' })).json().id).toBe(items[0]);
    expect((await takeNext(ana)).json().id).toBe(items[1]);

    const none = await takeNext(ana, { node: 'cut' });
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json().code).toBe('NO_WORK_AVAILABLE');
    // Elsewhere there is nothing either: no item waits at `pack`.
    await release(1);
    expect((await takeNext(ana, { node: 'pack' })).json().code).toBe('NO_WORK_AVAILABLE');
    expect((await takeNext(ana, { workCenter: 'PF-ASM' })).json().code).toBe('NO_WORK_AVAILABLE');
  });

  it('simultaneous takers each get a different item and none loses a race; the rest hear there is none', async () => {
    await emptyQueue();
    const items = await release(6);
    const takers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => loginAs(t.db, 'operator', { displayName: `Taker ${n}` })),
    );

    const answers = await Promise.all(takers.map((taker) => takeNext(taker, { node: 'cut' })));
    const won = answers
      .filter((answer) => answer.statusCode === 200)
      .map((answer) => answer.json() as { id: string; assigneeId: string });
    const refused = answers.filter((answer) => answer.statusCode !== 200);
    expect(won.map((claim) => claim.id).sort()).toEqual([...items].sort());
    expect(new Set(won.map((claim) => claim.assigneeId)).size).toBe(6);
    expect(refused.map((answer) => answer.json().code)).toEqual(Array(4).fill('NO_WORK_AVAILABLE'));
    for (const id of items) expect(await claimedEvents(id)).toBe(1);
  });

  it('skips items a team rule keeps for others', async () => {
    await emptyQueue();
    const team = await t.db.prisma.team.create({ data: { code: 'CN-TEAM', name: 'Cutting specialists' } });
    const specialist = await loginAs(t.db, 'operator', { teamId: team.id });
    const rule = await t.db.prisma.assignmentRule.create({
      data: { graphId: app.fixture.graphId, nodeKey: 'cut', teamId: team.id },
    });
    try {
      const [item] = await release(1);
      expect((await takeNext(ana, { node: 'cut' })).json().code).toBe('NO_WORK_AVAILABLE');
      expect((await takeNext(specialist, { node: 'cut' })).json()).toMatchObject({
        id: item,
        assigneeId: specialist.userId,
      });
    } finally {
      await t.db.prisma.assignmentRule.delete({ where: { id: rule.id } });
    }
  });

  it('a retry with the same Idempotency-Key answers the first claim and takes no second piece', async () => {
    await emptyQueue();
    const items = await release(2);
    const key = { 'idempotency-key': 'take-next-retry' };
    const first = await takeNext(ana, { node: 'cut' }, key);
    const again = await takeNext(ana, { node: 'cut' }, key);
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const stillReady = await t.db.query<{ id: string }>(
      `SELECT id FROM work_items WHERE id = ANY($1::uuid[]) AND state = 'ready'`,
      [items],
    );
    expect(stillReady.map((row) => row.id)).toEqual(items.filter((id) => id !== first.json().id));
  });

  it('refuses callers without the role, and bad input, claiming nothing', async () => {
    await emptyQueue();
    const [item] = await release(1);
    expect((await takeNext(undefined, { node: 'cut' })).statusCode).toBe(401);
    const byManager = await takeNext(manager, { node: 'cut' });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().code).toBe('ROLE_NOT_ALLOWED');
    for (const payload of [{ node: '' }, { node: 'cut', extra: true }, { workCenter: 7 }]) {
      const response = await takeNext(ana, payload as { node?: string });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const [row] = await t.db.query<{ state: string }>('SELECT state::text FROM work_items WHERE id = $1::uuid', [item]);
    expect(row?.state).toBe('ready');
  });
});
