import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestLogin } from '../testing/auth-for-tests.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { openWorkQueueApp, postAs, releaseFixtureOrder, type WorkQueueApp } from '../testing/work-queue-app.ts';
import { countEvents, createNodeRule, holders, setPresent } from './assignment-test-app.ts';

/**
 * The assignment engine through the API on the fixture routing (`cut`: 12 standard minutes), with
 * an injected clock: each pass runs at an instant the test chooses (`runPass(at)`).
 */
describe('assignment engine', () => {
  let app: WorkQueueApp;
  let ana: TestLogin;
  let ben: TestLogin;
  let orders = 0;
  let clock = Date.parse('2026-12-03T08:00:00Z');
  const at = (seconds = 0): Date => new Date((clock += 1000 + seconds * 1000));
  const pass = (seconds = 0) => app.t.app.assignmentEngine.runPass(at(seconds));
  const release = async (quantity: number) =>
    (await releaseFixtureOrder(app, `MO-2026-${String(7000 + ++orders)}`, quantity)).items;

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana', 'Ben']);
    [ana, ben] = app.operators as [TestLogin, TestLogin];
  }, 120_000);
  afterAll(() => app.t.close());

  beforeEach(async () => {
    // Each test starts from an empty queue and no rules; people present.
    const open = await app.t.db.query<{ id: string }>(
      `SELECT id FROM tokens WHERE state IN ('active', 'waiting') AND parent_id IS NULL`,
    );
    if (open.length > 0) {
      const cancelled = await postAs(app.t, app.manager, '/tokens/cancel', {
        tokenIds: open.map((row) => row.id),
        type: 'PERMANENT',
        reason: 'Test reset',
      });
      expect(cancelled.statusCode).toBe(200);
    }
    await app.t.db.query(`DELETE FROM assignment_rules`);
    await app.t.db.query(`UPDATE users SET present = true WHERE id = ANY($1::uuid[])`, [[ana.userId, ben.userId]]);
    await pass();
  });

  it('assigns every ready item of an auto node in one pass, balanced, and never twice', async () => {
    await createNodeRule(app, 'cut', { policy: 'auto' });
    const items = await release(6);
    const summary = await pass();
    expect(summary.decided.assign).toBe(6);
    const owners = await holders(app, items);
    expect(owners.filter((owner) => owner === ana.userId)).toHaveLength(3);
    expect(owners.filter((owner) => owner === ben.userId)).toHaveLength(3);
    expect((await pass()).decided.assign).toBe(0);
    for (const item of items) expect(await countEvents(app, 'work_item.assigned', item)).toBe(1);
  });

  it('leaves pool and manual items alone, and never assigns an absent operator', async () => {
    const items = await release(2);
    expect((await pass()).decided).toMatchObject({ assign: 0, pool: 2 });
    expect(await holders(app, items)).toEqual([null, null]);
    await createNodeRule(app, 'cut', { policy: 'auto' });
    expect((await setPresent(app, ana, false, 'sick')).statusCode).toBe(200);
    await pass();
    expect(await holders(app, items)).toEqual([ben.userId, ben.userId]);
  });

  it('gives a claim that times out to the next candidate, skipping the first assignee', async () => {
    await createNodeRule(app, 'cut', { policy: 'auto', claimTimeoutSec: 60 });
    const [item] = (await release(1)) as [string];
    await pass();
    const [first] = await holders(app, [item]);
    expect(first).not.toBeNull();
    expect((await pass(30)).timedOut).toBe(0);
    const later = await pass(60);
    expect(later.timedOut).toBe(1);
    const [second] = await holders(app, [item]);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(await countEvents(app, 'work_item.timed_out', item)).toBe(1);
  });

  it('offers to the best candidate, then the next on decline or timeout, then raises it as unassignable', async () => {
    await createNodeRule(app, 'cut', { policy: 'offer', offerTimeoutSec: 30 });
    const [item] = (await release(1)) as [string];
    expect((await pass()).decided.offer).toBe(1);
    const offer = async () =>
      (
        await app.t.db.query<{ userId: string }>(
          `SELECT user_id AS "userId" FROM assignment_offers WHERE work_item_id = $1`,
          [item],
        )
      )[0]?.userId ?? null;
    const firstId = await offer();
    const [first, second] = firstId === ana.userId ? [ana, ben] : [ben, ana];
    expect((await postAs(app.t, second, `/work-items/${item}/accept-offer`)).statusCode).toBe(409);
    expect((await postAs(app.t, first, `/work-items/${item}/decline-offer`)).statusCode).toBe(200);
    await pass();
    expect(await offer()).toBe(second.userId);
    // Unanswered past its time: the offer expires; nobody is left, so the item is unassignable.
    const expired = await pass(31);
    expect(expired.expiredOffers).toBe(1);
    expect(expired.decided.unassignable).toBe(1);
    const late = await postAs(app.t, second, `/work-items/${item}/accept-offer`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'OFFER_NOT_OPEN', state: 'ready', offer: null });
    const inbox = await app.t.app.inject({
      method: 'GET',
      url: '/api/v1/inbox?kind=UNASSIGNABLE',
      headers: app.manager.headers,
    });
    const raised = inbox.json().items.find((entry: { workItemId: string }) => entry.workItemId === item);
    expect(raised).toMatchObject({ kind: 'UNASSIGNABLE', status: 'open', payload: { blockingFilter: 'skipped' } });
  });

  it('assigns an accepted offer to the operator who accepted it', async () => {
    await createNodeRule(app, 'cut', { policy: 'offer' });
    const [item] = (await release(1)) as [string];
    await pass();
    const [row] = await app.t.db.query<{ userId: string }>(
      `SELECT user_id AS "userId" FROM assignment_offers WHERE work_item_id = $1`,
      [item],
    );
    const taker = row?.userId === ana.userId ? ana : ben;
    const accepted = await postAs(app.t, taker, `/work-items/${item}/accept-offer`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'assigned', assigneeId: taker.userId });
    expect(await countEvents(app, 'work_item.offer_accepted', item)).toBe(1);
  });

  it('explains the rule, each candidate’s score and who was excluded by which filter', async () => {
    const ruleId = await createNodeRule(app, 'cut', { policy: 'auto', weights: { skillMargin: 2 } });
    const [item] = (await release(1)) as [string];
    await setPresent(app, ben, false);
    const response = await app.t.app.inject({
      method: 'GET',
      url: `/api/v1/assignment/explain/${item}`,
      headers: app.manager.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const explain = response.json();
    expect(explain.rule).toMatchObject({
      source: 'node-rule',
      ruleId,
      policy: 'auto',
      weights: { load: 1, skillMargin: 2, continuity: true },
    });
    expect(explain.action).toBe('assign');
    expect(explain.chosen).toEqual({ userId: ana.userId, displayName: 'Ana' });
    const byId = Object.fromEntries(explain.candidates.map((c: { userId: string }) => [c.userId, c]));
    expect(byId[ana.userId]).toMatchObject({ eligible: true, rank: 1, score: { openMinutes: 0, continuity: false } });
    expect(byId[ben.userId]).toMatchObject({ eligible: false, excludedBy: 'absent' });
    expect(
      (await app.t.app.inject({ method: 'GET', url: `/api/v1/assignment/explain/${item}`, headers: ana.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('validates rules: an unknown graph, node, work center, team or skill is 422 naming the field; changes are events', async () => {
    const create = (body: Record<string, unknown>) => postAs(app.t, app.manager, '/assignment-rules', body);
    for (const [body, field] of [
      [{ graph: 'NOPE', nodeKey: 'cut', policy: 'auto' }, 'graph'],
      [{ graph: 'PROD-01', nodeKey: 'nope', policy: 'auto' }, 'nodeKey'],
      [{ workCenter: 'NOPE', policy: 'auto' }, 'workCenter'],
      [{ workCenter: 'PF-CUT', team: 'NOPE', policy: 'auto' }, 'team'],
      [{ workCenter: 'PF-CUT', skills: [{ code: 'nope', minLevel: 2 }], policy: 'auto' }, 'skills'],
    ] as const) {
      const refused = await create(body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'UNKNOWN_REFERENCE', errors: [{ path: field }] });
    }
    expect((await create({ policy: 'auto' })).statusCode).toBe(400);
    const created = await create({ workCenter: 'PF-CUT', policy: 'pool', maxOpenMinutes: 240 });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const patched = await app.t.app.inject({
      method: 'PATCH',
      url: `/api/v1/assignment-rules/${id}`,
      headers: app.manager.headers,
      payload: { policy: 'auto' },
    });
    expect(patched.json()).toMatchObject({ workCenter: 'PF-CUT', policy: 'auto', maxOpenMinutes: 240 });
    const removed = await app.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/assignment-rules/${id}`,
      headers: app.manager.headers,
    });
    expect(removed.statusCode).toBe(204);
    const events = await app.t.db.query<{ type: string }>(
      `SELECT type FROM events WHERE type LIKE 'assignment_rule.%' AND data->>'id' = $1 ORDER BY seq`,
      [id],
    );
    expect(events.map((event) => event.type)).toEqual([
      'assignment_rule.created',
      'assignment_rule.updated',
      'assignment_rule.deleted',
    ]);
    expect((await postAs(app.t, ana, '/assignment-rules', { workCenter: 'PF-CUT', policy: 'auto' })).statusCode).toBe(
      403,
    );
  });

  it('assigns by hand with the qualification check, which force and a reason override', async () => {
    const [item] = (await release(1)) as [string];
    await setPresent(app, ben, false);
    const assign = (body: Record<string, unknown>) => postAs(app.t, app.manager, `/work-items/${item}/assign`, body);
    const refused = await assign({ userId: ben.userId });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'NOT_ELIGIBLE', excludedBy: 'absent' });
    expect((await assign({ userId: ben.userId, force: true })).json().code).toBe('REASON_REQUIRED');
    const designer = await loginAs(app.t.db, 'designer');
    expect((await assign({ userId: designer.userId, force: true, reason: 'x' })).json().code).toBe('NOT_ELIGIBLE');
    const forced = await assign({ userId: ben.userId, force: true, reason: 'Only Ben knows this leather' });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json()).toMatchObject({ state: 'assigned', assigneeId: ben.userId });
    const [event] = await app.t.db.query<{ data: Record<string, unknown>; actor: string }>(
      `SELECT data, actor FROM events WHERE type = 'work_item.assigned' AND work_item_id = $1`,
      [item],
    );
    expect(event).toMatchObject({
      actor: `user:${app.manager.userId}`,
      data: { force: true, reason: 'Only Ben knows this leather', by: 'manager' },
    });
    const reassigned = await assign({ userId: ana.userId });
    expect(reassigned.json()).toMatchObject({ assigneeId: ana.userId });
    const unassigned = await postAs(app.t, app.manager, `/work-items/${item}/unassign`, { reason: 'Wrong person' });
    expect(unassigned.json()).toMatchObject({ state: 'ready', assigneeId: null });
    expect((await postAs(app.t, app.manager, `/work-items/${item}/unassign`)).statusCode).toBe(409);
    expect(
      (
        await postAs(app.t, app.manager, `/work-items/00000000-0000-4000-8000-000000000000/assign`, {
          userId: ana.userId,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('raises an overdue escalation for in-progress work idle past its limit, once', async () => {
    const [item] = (await release(1)) as [string];
    expect((await postAs(app.t, ana, `/work-items/${item}/claim`)).statusCode).toBe(200);
    expect((await postAs(app.t, ana, `/work-items/${item}/start`)).statusCode).toBe(200);
    clock = Date.now();
    expect((await pass()).overdue).toBe(0);
    expect((await pass(3 * 3600)).overdue).toBe(1);
    expect((await pass()).overdue).toBe(0);
    const inbox = await app.t.app.inject({
      method: 'GET',
      url: '/api/v1/inbox?kind=OVERDUE',
      headers: app.manager.headers,
    });
    expect(inbox.json().items.filter((entry: { workItemId: string }) => entry.workItemId === item)).toHaveLength(1);
  });
});
