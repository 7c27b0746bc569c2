import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEvents, setPresent } from '../assignment/assignment-test-app.ts';
import { loginAs, type TestLogin } from '../testing/auth-for-tests.ts';
import { openWorkQueueApp, postAs, releaseFixtureOrder, type WorkQueueApp } from '../testing/work-queue-app.ts';

/**
 * The absence flow end to end: an operator marked absent loses their assigned work, their work in
 * progress goes to the manager inbox as a hand-off approval, attendance holds on every claim path,
 * and a manager's approval hands the work to a colleague with the time so far kept.
 */
describe('absence, the manager inbox and its decisions', () => {
  let app: WorkQueueApp;
  let ana: TestLogin;
  let ben: TestLogin;
  let secondManager: TestLogin;
  let orders = 0;
  const release = async (quantity: number) =>
    (await releaseFixtureOrder(app, `MO-2026-${String(6000 + ++orders)}`, quantity)).items;
  const inbox = async (query = '') =>
    (await app.t.app.inject({ method: 'GET', url: `/api/v1/inbox${query}`, headers: app.manager.headers })).json();

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana', 'Ben']);
    [ana, ben] = app.operators as [TestLogin, TestLogin];
    secondManager = await loginAs(app.t.db, 'manager');
  }, 120_000);
  afterAll(() => app.t.close());

  it('requeues assigned work, raises in-progress work for hand-off, and approval hands it over once', async () => {
    const [waiting, working] = (await release(2)) as [string, string];
    expect((await postAs(app.t, ana, `/work-items/${waiting}/claim`)).statusCode).toBe(200);
    expect((await postAs(app.t, ana, `/work-items/${working}/claim`)).statusCode).toBe(200);
    expect((await postAs(app.t, ana, `/work-items/${working}/start`)).statusCode).toBe(200);

    const absent = await setPresent(app, ana, false, 'sick');
    expect(absent.statusCode, absent.body).toBe(200);
    expect(absent.json().present).toBe(false);
    const [event] = await app.t.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM events WHERE type = 'user.attendance_changed' AND operator_id = $1 ORDER BY seq DESC LIMIT 1`,
      [ana.userId],
    );
    expect(event?.data).toMatchObject({ present: false, reason: 'sick', requeued: 1, handOffApprovals: 1 });
    const [requeued] = await app.t.db.query<{ state: string; assigneeId: string | null }>(
      `SELECT state::text AS state, assignee_id AS "assigneeId" FROM work_items WHERE id = $1`,
      [waiting],
    );
    expect(requeued).toEqual({ state: 'ready', assigneeId: null });

    // Attendance holds on every path: claim, claim-next, join, receiving a hand-off.
    expect((await postAs(app.t, ana, `/work-items/${waiting}/claim`)).json().code).toBe('OPERATOR_ABSENT');
    expect((await postAs(app.t, ana, '/work-items/claim-next', { node: 'cut' })).statusCode).toBe(404);
    const listed = await app.t.app.inject({
      method: 'GET',
      url: '/api/v1/work-items?available=me',
      headers: ana.headers,
    });
    expect(listed.json().items).toEqual([]);

    const open = await inbox('?kind=HANDOFF_APPROVAL');
    expect(open.items).toHaveLength(1);
    const [item] = open.items as [{ id: string; workItemId: string; userId: string; payload: Record<string, unknown> }];
    expect(item).toMatchObject({
      workItemId: working,
      userId: ana.userId,
      payload: { reason: 'sick', state: 'in_progress' },
    });

    // Two managers at once: exactly one decision wins.
    const [first, second] = await Promise.all([
      postAs(app.t, app.manager, `/inbox/${item.id}/approve`, { toUserId: ben.userId, comment: 'Ben takes it' }),
      postAs(app.t, secondManager, `/inbox/${item.id}/approve`, { toUserId: ben.userId }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.statusCode === 409)?.json().code).toBe('INBOX_ITEM_DECIDED');
    expect(await countEvents(app, 'inbox.approved', working)).toBe(1);
    expect(await countEvents(app, 'work_item.handed_off', working)).toBe(1);
    const [handed] = await app.t.db.query<{ state: string; assigneeId: string }>(
      `SELECT state::text AS state, assignee_id AS "assigneeId" FROM work_items WHERE id = $1`,
      [working],
    );
    expect(handed).toEqual({ state: 'in_progress', assigneeId: ben.userId });
    const logs = await app.t.db.query<{ userId: string; endReason: string | null }>(
      `SELECT user_id AS "userId", end_reason::text AS "endReason" FROM time_logs WHERE work_item_id = $1 ORDER BY started_at, user_id`,
      [working],
    );
    expect(logs).toEqual([
      { userId: ana.userId, endReason: 'handed_off' },
      { userId: ben.userId, endReason: null },
    ]);
    expect((await inbox('?kind=HANDOFF_APPROVAL')).items).toHaveLength(0);
    // The decision recorded is the winner's: the first manager's comment, or none from the second.
    expect((await inbox('?kind=HANDOFF_APPROVAL&status=approved')).items[0]).toMatchObject({
      id: item.id,
      comment: first.statusCode === 200 ? 'Ben takes it' : null,
    });
    // Handing work to an absent colleague is refused too.
    const refused = await postAs(app.t, ben, `/work-items/${working}/handoff`, { toUserId: ana.userId });
    expect(refused.json().code).toBe('RECEIVER_ABSENT');
    expect((await setPresent(app, ana, true)).statusCode).toBe(200);
  });

  it('refuses to approve when the subject changed meanwhile (409, nothing written)', async () => {
    const [first, second] = (await release(2)) as [string, string];
    for (const item of [first, second]) {
      expect((await postAs(app.t, ben, `/work-items/${item}/claim`)).statusCode).toBe(200);
      expect((await postAs(app.t, ben, `/work-items/${item}/start`)).statusCode).toBe(200);
    }
    expect((await setPresent(app, ben, false)).statusCode).toBe(200);
    const open = (await inbox('?kind=HANDOFF_APPROVAL')).items as { id: string; tokenId: string; workItemId: string }[];
    const cancelledOne = open.find((entry) => entry.workItemId === first);
    const movedOne = open.find((entry) => entry.workItemId === second);
    if (cancelledOne === undefined || movedOne === undefined) throw new Error('both hand-offs are in the inbox');
    // The piece is cancelled: its inbox item is settled by the cancellation, an approval is refused.
    const cancelled = await postAs(app.t, app.manager, '/tokens/cancel', {
      tokenIds: [cancelledOne.tokenId],
      type: 'PERMANENT',
      reason: 'Customer withdrew',
    });
    expect(cancelled.statusCode).toBe(200);
    // The other item was handed over by hand meanwhile: Ben no longer works on it.
    const handed = await postAs(app.t, app.manager, `/work-items/${second}/handoff`, {
      toUserId: ana.userId,
      fromUserId: ben.userId,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const before = await countEvents(app, 'inbox.approved');
    for (const entry of [cancelledOne, movedOne]) {
      const approve = await postAs(app.t, app.manager, `/inbox/${entry.id}/approve`, { toUserId: ana.userId });
      expect(approve.statusCode).toBe(409);
      expect(approve.json().code).toBe('SUBJECT_CHANGED');
    }
    expect(await countEvents(app, 'inbox.approved')).toBe(before);
    const [still] = await app.t.db.query<{ status: string }>(
      `SELECT status::text AS status FROM inbox_items WHERE id = $1`,
      [movedOne.id],
    );
    expect(still?.status).toBe('open');
    const rejected = await postAs(app.t, app.manager, `/inbox/${movedOne.id}/reject`, {
      comment: 'Handed over already',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', comment: 'Handed over already' });
    expect((await postAs(app.t, app.manager, `/inbox/${movedOne.id}/reject`)).json().code).toBe('INBOX_ITEM_DECIDED');
    expect((await setPresent(app, ben, true)).statusCode).toBe(200);
  });

  it('lets the engine pick the colleague when the approval names none', async () => {
    const [working] = (await release(1)) as [string];
    expect((await postAs(app.t, ana, `/work-items/${working}/claim`)).statusCode).toBe(200);
    expect((await postAs(app.t, ana, `/work-items/${working}/start`)).statusCode).toBe(200);
    expect((await setPresent(app, ana, false)).statusCode).toBe(200);
    const open = (await inbox('?kind=HANDOFF_APPROVAL')).items as { id: string; workItemId: string }[];
    const item = open.find((entry) => entry.workItemId === working);
    if (item === undefined) throw new Error('the hand-off is in the inbox');
    const approved = await postAs(app.t, app.manager, `/inbox/${item.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const [row] = await app.t.db.query<{ assigneeId: string }>(
      `SELECT assignee_id AS "assigneeId" FROM work_items WHERE id = $1`,
      [working],
    );
    // Ana is absent, so the only present qualified operator gets it.
    expect(row?.assigneeId).toBe(ben.userId);
    expect((await setPresent(app, ana, true)).statusCode).toBe(200);
  });

  it('refuses attendance for a non-operator (422), an unknown user (404) and unknown inbox items (404)', async () => {
    const designer = await loginAs(app.t.db, 'designer');
    expect((await setPresent(app, designer, false)).json().code).toBe('NOT_AN_OPERATOR');
    const missing = await app.t.app.inject({
      method: 'PUT',
      url: '/api/v1/users/nobody-here/attendance',
      headers: app.manager.headers,
      payload: { present: false },
    });
    expect(missing.statusCode).toBe(404);
    const unknown = await postAs(app.t, app.manager, '/inbox/00000000-0000-4000-8000-000000000000/approve');
    expect(unknown.statusCode).toBe(404);
    expect((await app.t.app.inject({ method: 'GET', url: '/api/v1/inbox', headers: ana.headers })).statusCode).toBe(
      403,
    );
  });
});
