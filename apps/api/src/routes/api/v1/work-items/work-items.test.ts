import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductionFixture } from '../../../../production/production-fixture.ts';
import type { TestApp } from '../../../../test-app.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';
import {
  openWorkQueueApp,
  postAs,
  releaseFixtureOrder,
  type WorkQueueApp,
} from '../../../../testing/work-queue-app.ts';

/**
 * The work queue over HTTP on the fixture routing (`cut → split → strap | body(2-3 operators) →
 * join → assemble → qc → pack`), released through the orders API: every command's happy path,
 * roles and object checks, bad input, the atomic claim, completion racing a bulk cancel, replays.
 */
describe('work items', () => {
  let app: WorkQueueApp;
  let t: TestApp;
  let fixture: ProductionFixture;
  let manager: TestLogin;
  let ana: TestLogin;
  let bo: TestLogin;
  let cy: TestLogin;
  let orders = 0;

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana Operator', 'Bo Operator', 'Cy Operator']);
    ({ t, fixture, manager } = app);
    [ana, bo, cy] = app.operators as [TestLogin, TestLogin, TestLogin];
  }, 120_000);
  afterAll(() => t.close());

  const post = (who: TestLogin | undefined, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    postAs(t, who, url, payload, headers);
  const get = (who: TestLogin | undefined, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who?.headers ?? {} });

  /** Releases a new fixture order of `quantity` pieces; returns its id and its first work items (at `cut`). */
  const release = (quantity = 1) => releaseFixtureOrder(app, `MO-2026-${String(7000 + ++orders)}`, quantity);

  async function eventTypes(workItemId: string): Promise<string[]> {
    const rows = await t.db.query<{ type: string }>(
      'SELECT type FROM events WHERE work_item_id = $1::uuid ORDER BY seq',
      [workItemId],
    );
    return rows.map((row) => row.type);
  }

  async function orderStatus(orderId: string): Promise<string> {
    return (await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id: orderId } })).status;
  }

  async function openItemAt(orderId: string, nodeKey: string): Promise<string> {
    const [row] = await t.db.query<{ id: string }>(
      `SELECT w.id FROM work_items w JOIN tokens t ON t.id = w.token_id
        WHERE (t.mo_id = $1::uuid OR t.parent_id IN (SELECT id FROM tokens WHERE mo_id = $1::uuid))
          AND w.node_key = $2 AND w.state NOT IN ('completed', 'cancelled')`,
      [orderId, nodeKey],
    );
    if (row === undefined) throw new Error(`no open item at ${nodeKey}`);
    return row.id;
  }

  async function claimAndStart(who: TestLogin, id: string): Promise<void> {
    expect((await post(who, `/work-items/${id}/claim`)).statusCode).toBe(200);
    expect((await post(who, `/work-items/${id}/start`)).statusCode).toBe(200);
  }

  it('claim → start → pause → resume → complete moves the piece on and logs every step', async () => {
    const { orderId, items } = await release();
    const id = items[0] as string;

    const claimed = await post(ana, `/work-items/${id}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({
      id,
      state: 'assigned',
      assigneeId: ana.userId,
      operatorIds: [ana.userId],
      version: 1,
    });
    // A claim is not work yet; the start is: the released order goes in progress then, once.
    expect(await orderStatus(orderId)).toBe('released');
    for (const [command, state] of [
      ['start', 'in_progress'],
      ['pause', 'paused'],
      ['resume', 'in_progress'],
    ] as const) {
      const response = await post(ana, `/work-items/${id}/${command}`, {});
      expect(response.statusCode, command).toBe(200);
      expect(response.json().state).toBe(state);
      expect(await orderStatus(orderId), command).toBe('in_progress');
    }
    const orderEvents = await t.db.query<{ type: string; data: { code: string; kind: string } }>(
      "SELECT type, data FROM events WHERE order_id = $1::uuid AND (type LIKE 'order.%' OR type = 'work_item.started') ORDER BY seq",
      [orderId],
    );
    expect(orderEvents).toEqual([
      { type: 'order.released', data: expect.any(Object) },
      { type: 'work_item.started', data: expect.any(Object) },
      { type: 'order.started', data: { code: `MO-2026-${7000 + orders}`, kind: 'manufacturing_order' } },
    ]);

    const view = (await get(ana, `/work-items/${id}`)).json();
    expect(view).toMatchObject({
      state: 'in_progress',
      node: { key: 'cut', name: 'Cut', kind: 'operation', standardMinutes: 12 },
      workCenter: { code: 'PF-CUT' },
      token: { serial: `MO-2026-${7000 + orders}-001`, state: 'active' },
      order: { id: orderId, kind: 'manufacturingOrder' },
      operators: [{ userId: ana.userId, displayName: 'Ana Operator', bound: true }],
    });
    const logs = await t.db.query<{ ended: boolean; end_reason: string | null }>(
      'SELECT ended_at IS NOT NULL AS ended, end_reason::text FROM time_logs WHERE work_item_id = $1::uuid ORDER BY started_at, id',
      [id],
    );
    expect(logs).toEqual([
      { ended: true, end_reason: 'paused' },
      { ended: false, end_reason: null },
    ]);
    // A station's timer runs on from the server's time logs: the finished intervals plus the running one.
    const [clock] = await t.db.query<{ closed: number; running_since: Date }>(
      `SELECT (SELECT sum(extract(epoch FROM ended_at - started_at)) FROM time_logs WHERE work_item_id = $1::uuid AND ended_at IS NOT NULL)::float8 AS closed,
              (SELECT started_at FROM time_logs WHERE work_item_id = $1::uuid AND ended_at IS NULL) AS running_since`,
      [id],
    );
    expect(view.operators[0].closedSeconds).toBeCloseTo(clock?.closed ?? -1, 3);
    expect(view.operators[0].runningSince).toBe(clock?.running_since.toISOString());
    const [piece] = await t.db.query<{ product: string; due: string | null; attributes: object }>(
      `SELECT mo.product, to_char(mo.due_date, 'YYYY-MM-DD') AS due, t.attributes
         FROM work_items w JOIN tokens t ON t.id = w.token_id JOIN manufacturing_orders mo ON mo.id = t.mo_id WHERE w.id = $1::uuid`,
      [id],
    );
    expect(view.order).toMatchObject({ product: piece?.product, dueDate: piece?.due });
    expect(view.token.attributes).toEqual(piece?.attributes);
    expect(view.node.qcChecklist).toEqual([]);

    const completed = await post(ana, `/work-items/${id}/complete`, {});
    expect(completed.statusCode).toBe(200);
    const body = completed.json();
    expect(body.workItem).toMatchObject({ id, state: 'completed' });
    expect((await get(ana, `/work-items/${id}`)).json().operators[0].runningSince).toBeNull();
    expect(body.next.map((next: { nodeKey: string }) => next.nodeKey).sort()).toEqual(['body', 'strap']);
    expect(await eventTypes(id)).toEqual([
      'work_item.created',
      'work_item.claimed',
      'work_item.started',
      'work_item.paused',
      'work_item.resumed',
      'work_item.completed',
    ]);
    const strap = (await get(ana, `/work-items/${await openItemAt(orderId, 'strap')}`)).json();
    expect(strap).toMatchObject({ state: 'ready', node: { key: 'strap' } });
    expect((await get(ana, `/work-items/${id}`)).json().operators[0]).toMatchObject({ bound: false });
  });

  it('sets an atelier job in progress on the first start of one of its pieces, once', async () => {
    const [routing] = await t.db.query<{ code: string }>('SELECT code FROM routing_graphs WHERE id = $1::uuid', [
      fixture.graphId,
    ]);
    const created = await post(manager, '/atelier-jobs', {
      product: 'Bespoke tote',
      customer: 'Kanya W.',
      quantity: 2,
      routing: routing?.code,
    });
    expect(created.statusCode).toBe(201);
    const jobId = created.json().id as string;
    expect((await post(manager, `/atelier-jobs/${jobId}/release`, {})).statusCode).toBe(200);
    const items = await t.db.query<{ id: string }>(
      'SELECT w.id FROM work_items w JOIN tokens t ON t.id = w.token_id WHERE t.atelier_job_id = $1::uuid ORDER BY t.serial',
      [jobId],
    );
    const jobStatus = async () => (await t.db.prisma.atelierJob.findUniqueOrThrow({ where: { id: jobId } })).status;

    // Operators of their own, so the other tests' queues are not changed.
    const [kim, lou] = [await loginAs(t.db, 'operator'), await loginAs(t.db, 'operator')];
    await claimAndStart(kim, items[0]?.id as string);
    expect(await jobStatus()).toBe('in_progress');
    await claimAndStart(lou, items[1]?.id as string);
    const started = await t.db.query<{ data: { kind: string } }>(
      "SELECT data FROM events WHERE order_id = $1::uuid AND type = 'order.started'",
      [jobId],
    );
    expect(started).toEqual([{ data: expect.objectContaining({ kind: 'atelier_job' }) }]);
  });
  it('lists with filters and cursor pages: assignee=me, available=me, state, node, work center', async () => {
    const { items } = await release(3);
    const [first, second] = items as [string, string, string];
    expect((await post(bo, `/work-items/${first}/claim`)).statusCode).toBe(200);

    const mine = (await get(bo, '/work-items?assignee=me')).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([first]);
    const available = (await get(bo, '/work-items?available=me&node=cut&limit=200')).json();
    const availableIds = available.items.map((item: { id: string }) => item.id);
    expect(availableIds).toContain(second);
    expect(availableIds).not.toContain(first);
    expect(
      available.items.every(
        (item: { state: string; token: { state: string } }) => item.state === 'ready' && item.token.state === 'active',
      ),
    ).toBe(true);

    const byCenter = (await get(bo, '/work-items?workCenter=PF-CUT&state=assigned&limit=200')).json();
    expect(byCenter.items.map((item: { id: string }) => item.id)).toContain(first);
    expect((await get(bo, '/work-items?workCenter=PF-ASM&state=assigned&node=cut')).json().items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await get(bo, `/work-items?node=cut&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(items));

    for (const bad of [
      '/work-items?state=done',
      '/work-items?assignee=you',
      '/work-items?cursor=bm9wZQ',
      '/work-items?limit=0',
    ]) {
      const response = await get(bo, bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('available=me and claim respect a team rule on the node: others get 403 NOT_QUALIFIED', async () => {
    const team = await t.db.prisma.team.create({ data: { code: `WI-TEAM-${orders}`, name: 'Strap specialists' } });
    const specialist = await loginAs(t.db, 'operator', { teamId: team.id });
    const { orderId, items } = await release();
    await claimAndStart(ana, items[0] as string);
    await post(ana, `/work-items/${items[0]}/complete`, {});
    const strap = await openItemAt(orderId, 'strap');
    const rule = await t.db.prisma.assignmentRule.create({
      data: { graphId: fixture.graphId, nodeKey: 'strap', teamId: team.id },
    });
    try {
      const forAna = (await get(ana, '/work-items?available=me&node=strap&limit=200')).json();
      expect(forAna.items.map((item: { id: string }) => item.id)).not.toContain(strap);
      const forSpecialist = (await get(specialist, '/work-items?available=me&node=strap&limit=200')).json();
      expect(forSpecialist.items.map((item: { id: string }) => item.id)).toContain(strap);

      const refused = await post(ana, `/work-items/${strap}/claim`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('NOT_QUALIFIED');
      expect((await post(specialist, `/work-items/${strap}/claim`)).statusCode).toBe(200);
    } finally {
      await t.db.prisma.assignmentRule.delete({ where: { id: rule.id } });
    }
  });

  it('refuses callers without the role or the object, and bad input, writing nothing', async () => {
    const { items } = await release();
    const id = items[0] as string;
    expect((await post(undefined, `/work-items/${id}/claim`)).statusCode).toBe(401);
    expect((await get(undefined, '/work-items')).statusCode).toBe(401);
    const byManager = await post(manager, `/work-items/${id}/claim`);
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().code).toBe('ROLE_NOT_ALLOWED');

    expect((await post(ana, `/work-items/${id}/claim`)).statusCode).toBe(200);
    const notMine = await post(bo, `/work-items/${id}/start`);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('NOT_HOLDER');
    expect((await post(bo, `/work-items/${id}/requeue`, {})).json().code).toBe('NOT_HOLDER');
    const early = await post(ana, `/work-items/${id}/complete`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_TRANSITION');

    const cases: [string, unknown, number][] = [
      ['/work-items/not-a-uuid/claim', undefined, 400],
      ['/work-items/00000000-0000-4000-8000-000000000000/claim', undefined, 404],
      [`/work-items/${id}/start`, { extra: true }, 400],
      [`/work-items/${id}/handoff`, {}, 400],
      [`/work-items/${id}/complete`, { qc: { result: 'maybe' } }, 400],
    ];
    for (const [url, payload, status] of cases) {
      const response = await post(ana, url, payload);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const view = (await get(ana, `/work-items/${id}`)).json();
    expect(view).toMatchObject({ state: 'assigned', version: 1 });
    expect(await eventTypes(id)).toEqual(['work_item.created', 'work_item.claimed']);
  });

  it('a QC step needs a result (422, nothing written) and routes pass / rework', async () => {
    const { orderId, items } = await release();
    await claimAndStart(ana, items[0] as string);
    await post(ana, `/work-items/${items[0]}/complete`, {});
    const strap = await openItemAt(orderId, 'strap');
    await claimAndStart(ana, strap);
    await post(ana, `/work-items/${strap}/complete`, {});
    const body = await openItemAt(orderId, 'body');
    await post(ana, `/work-items/${body}/claim`);
    await post(bo, `/work-items/${body}/join`);
    await post(ana, `/work-items/${body}/start`);
    expect((await post(ana, `/work-items/${body}/complete`)).statusCode).toBe(200);
    const assemble = await openItemAt(orderId, 'assemble');
    await claimAndStart(ana, assemble);
    expect((await post(ana, `/work-items/${assemble}/complete`, { qc: { result: 'pass' } })).json().code).toBe(
      'QC_RESULT_NOT_ALLOWED',
    );
    await post(ana, `/work-items/${assemble}/complete`);
    const qc = await openItemAt(orderId, 'qc');
    await claimAndStart(cy, qc);

    const missing = await post(cy, `/work-items/${qc}/complete`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('QC_RESULT_REQUIRED');
    const noReason = await post(cy, `/work-items/${qc}/complete`, { qc: { result: 'rework', reasonCodes: [] } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('QC_REASON_REQUIRED');
    expect((await get(cy, `/work-items/${qc}`)).json().state).toBe('in_progress');

    // The station pauses with a reason from its list; anything else is refused before any write.
    expect((await post(cy, `/work-items/${qc}/pause`, { reason: 'coffee' })).statusCode).toBe(400);
    expect((await post(cy, `/work-items/${qc}/pause`, { reason: 'material' })).json().state).toBe('paused');
    expect((await post(cy, `/work-items/${qc}/resume`, {})).statusCode).toBe(200);
    const rework = await post(cy, `/work-items/${qc}/complete`, {
      qc: {
        result: 'rework',
        reasonCodes: ['STITCH_GAP'],
        note: 'Gap at the left handle',
        checked: ['Stitch line straight'],
      },
    });
    expect(rework.statusCode).toBe(200);
    const kept = await t.db.query<{ type: string; reason: string | null; qc: object | null }>(
      `SELECT type, data->>'reason' AS reason, data->'qc' AS qc FROM events
        WHERE work_item_id = $1::uuid AND type IN ('work_item.paused', 'work_item.completed') ORDER BY seq`,
      [qc],
    );
    expect(kept).toEqual([
      { type: 'work_item.paused', reason: 'material', qc: null },
      {
        type: 'work_item.completed',
        reason: null,
        qc: {
          result: 'rework',
          reasonCodes: ['STITCH_GAP'],
          note: 'Gap at the left handle',
          checked: ['Stitch line straight'],
        },
      },
    ]);
    expect(rework.json().next).toEqual([expect.objectContaining({ nodeKey: 'assemble' })]);
    expect((await get(cy, `/work-items/${qc}`)).json().qc).toEqual({ result: 'rework', reasonCodes: ['STITCH_GAP'] });
  });

  it('multi-operator steps: join to reach the minimum, start, leave; hand-off and requeue by holder and manager', async () => {
    const { orderId, items } = await release();
    await claimAndStart(ana, items[0] as string);
    await post(ana, `/work-items/${items[0]}/complete`, {});
    const body = await openItemAt(orderId, 'body');
    await post(ana, `/work-items/${body}/claim`);
    const tooFew = await post(ana, `/work-items/${body}/start`);
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().code).toBe('NOT_ENOUGH_OPERATORS');
    expect((await post(bo, `/work-items/${body}/join`)).json().operatorIds).toEqual([ana.userId, bo.userId]);
    expect((await post(bo, `/work-items/${body}/join`)).json().code).toBe('ALREADY_BOUND');
    expect((await post(ana, `/work-items/${body}/start`)).json().state).toBe('in_progress');
    const left = await post(bo, `/work-items/${body}/leave`);
    expect(left.json().operatorIds).toEqual([ana.userId]);
    expect((await post(ana, `/work-items/${body}/leave`)).json().code).toBe('LAST_OPERATOR');

    const handed = await post(ana, `/work-items/${body}/handoff`, { toUserId: cy.userId });
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ assigneeId: cy.userId, operatorIds: [cy.userId], state: 'in_progress' });
    const byManager = await post(manager, `/work-items/${body}/handoff`, { toUserId: bo.userId });
    expect(byManager.json()).toMatchObject({ assigneeId: bo.userId, operatorIds: [bo.userId] });
    const toManager = await post(manager, `/work-items/${body}/handoff`, { toUserId: manager.userId });
    expect(toManager.statusCode).toBe(422);
    expect(toManager.json().code).toBe('RECEIVER_NOT_OPERATOR');
    const view = (await get(bo, `/work-items/${body}`)).json();
    expect(
      view.operators.map((operator: { userId: string; bound: boolean }) => [operator.userId, operator.bound]),
    ).toEqual(
      expect.arrayContaining([
        [bo.userId, true],
        [ana.userId, false],
        [cy.userId, false],
      ]),
    );

    const strap = await openItemAt(orderId, 'strap');
    await post(cy, `/work-items/${strap}/claim`);
    const requeued = await post(cy, `/work-items/${strap}/requeue`, { reason: 'Needle broke' });
    expect(requeued.json()).toMatchObject({ state: 'ready', assigneeId: null, operatorIds: [] });
    await post(ana, `/work-items/${strap}/claim`);
    expect((await post(manager, `/work-items/${strap}/requeue`, {})).json().state).toBe('ready');
    const [event] = await t.db.query<{ data: { reason: string } }>(
      `SELECT data FROM events WHERE work_item_id = $1::uuid AND type = 'work_item.requeued' ORDER BY seq LIMIT 1`,
      [strap],
    );
    expect(event?.data.reason).toBe('Needle broke');
  });

  it('of 50 simultaneous claims exactly one wins; the others hear who holds it', async () => {
    const { items } = await release();
    const id = items[0] as string;
    const claimers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => loginAs(t.db, 'operator', { displayName: `Claimer ${n}` })),
    );
    const responses = await Promise.all(claimers.map((claimer) => post(claimer, `/work-items/${id}/claim`)));
    const winners = responses.filter((response) => response.statusCode === 200);
    expect(winners).toHaveLength(1);
    const winner = claimers[responses.indexOf(winners[0] as (typeof responses)[number])] as TestLogin;
    for (const response of responses.filter((candidate) => candidate.statusCode !== 200)) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'ALREADY_CLAIMED', heldBy: { userId: winner.userId } });
    }
    expect((await eventTypes(id)).filter((type) => type === 'work_item.claimed')).toHaveLength(1);
    const operators = await t.db.query('SELECT user_id FROM work_item_operators WHERE work_item_id = $1::uuid', [id]);
    expect(operators).toEqual([{ user_id: winner.userId }]);
  });

  it('completion racing a bulk cancel ends consistently: no open work item on a cancelled token', async () => {
    const { items, tokens } = await release(6);
    for (const id of items) await claimAndStart(ana, id);
    const [completions, cancel] = await Promise.all([
      Promise.all(items.map((id) => post(ana, `/work-items/${id}/complete`, {}))),
      post(manager, '/tokens/cancel', { tokenIds: tokens, type: 'PERMANENT', reason: 'Client reduced the order' }),
    ]);
    expect(cancel.statusCode).toBe(200);
    for (const completion of completions) {
      expect([200, 409]).toContain(completion.statusCode);
      if (completion.statusCode === 409)
        expect(['TOKEN_NOT_ACTIVE', 'WORK_ITEM_CLOSED']).toContain(completion.json().code);
    }
    const orphans = await t.db.query(
      `SELECT w.id FROM work_items w JOIN tokens t ON t.id = w.token_id
        WHERE t.state = 'cancelled' AND w.state NOT IN ('completed', 'cancelled')`,
    );
    expect(orphans).toEqual([]);
    const states = await t.db.query<{ state: string }>('SELECT state::text FROM tokens WHERE id = ANY($1::uuid[])', [
      tokens,
    ]);
    expect(states.every((row) => row.state === 'cancelled')).toBe(true);
    const openLogs = await t.db.query(
      `SELECT l.id FROM time_logs l JOIN work_items w ON w.id = l.work_item_id WHERE w.state = 'cancelled' AND l.ended_at IS NULL`,
    );
    expect(openLogs).toEqual([]);
  });

  it('claims and starts racing a bulk cancel leave no open work item, operator or clock on a cancelled piece', async () => {
    const { items, tokens } = await release(6);
    for (const id of items.slice(0, 3)) await post(bo, `/work-items/${id}/claim`);
    const [commands, cancel] = await Promise.all([
      Promise.all(items.map((id, n) => post(bo, `/work-items/${id}/${n < 3 ? 'start' : 'claim'}`))),
      post(manager, '/tokens/cancel', { tokenIds: tokens, type: 'PERMANENT', reason: 'Leather batch recalled' }),
    ]);
    expect(cancel.statusCode).toBe(200);
    for (const response of commands) {
      expect([200, 409]).toContain(response.statusCode);
      if (response.statusCode === 409)
        expect(['WORK_ITEM_CLOSED', 'WORK_ITEM_CHANGED', 'TOKEN_NOT_ACTIVE', 'ALREADY_CLAIMED']).toContain(
          response.json().code,
        );
    }
    const open = await t.db.query<{ items: number; operators: number; clocks: number }>(
      `SELECT (SELECT count(*)::int FROM work_items WHERE id = ANY($1::uuid[]) AND state NOT IN ('completed', 'cancelled')) AS items,
              (SELECT count(*)::int FROM work_item_operators WHERE work_item_id = ANY($1::uuid[]) AND left_at IS NULL) AS operators,
              (SELECT count(*)::int FROM time_logs WHERE work_item_id = ANY($1::uuid[]) AND ended_at IS NULL) AS clocks`,
      [items],
    );
    expect(open).toEqual([{ items: 0, operators: 0, clocks: 0 }]);
  });

  it('replays a command sent again with the same Idempotency-Key, without acting twice', async () => {
    const { items } = await release();
    const id = items[0] as string;
    const key = { 'idempotency-key': `claim-${id}` };
    const first = await post(ana, `/work-items/${id}/claim`, {}, key);
    const again = await post(ana, `/work-items/${id}/claim`, {}, key);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await eventTypes(id)).filter((type) => type === 'work_item.claimed')).toHaveLength(1);
    const other = await post(ana, `/work-items/${id}/start`, {}, key);
    expect(other.statusCode).toBe(422);
  });
});
