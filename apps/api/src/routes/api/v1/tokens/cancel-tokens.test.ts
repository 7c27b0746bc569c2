import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertProductionFixture,
  publishFixtureV2,
  workThrough,
  type ProductionFixture,
} from '../../../../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { cancelTokensResultSchema, manufacturingOrderDetailSchema, tokenDetailSchema } from '@atelier/contracts';

describe('POST /api/v1/tokens/cancel', () => {
  let t: TestApp;
  let fixture: ProductionFixture;
  let manager: { cookie: string };
  let operator: { cookie: string };
  let operatorId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    fixture = await insertProductionFixture(t.db);
    ({ headers: manager } = await loginAs(t.db, 'manager'));
    ({ headers: operator, userId: operatorId } = await loginAs(t.db, 'operator'));
  }, 60_000);
  afterAll(() => t.close());

  const inject = (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: { cookie: string } | Record<string, never> = manager,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload && { payload }) });
  const cancel = (payload: object, headers: { cookie: string } | Record<string, never> = manager) =>
    inject('POST', '/tokens/cancel', payload, headers);

  /** A released order of `quantity` pieces; returns its id, code and root token ids by piece number. */
  async function releasedOrder(quantity: number): Promise<{ id: string; code: string; roots: string[] }> {
    const created = await inject('POST', '/manufacturing-orders', {
      product: 'Fixture tote',
      client: 'Fixture client',
      quantity,
      routing: 'PROD-01',
    });
    const { id, code } = created.json();
    expect((await inject('POST', `/manufacturing-orders/${id}/release`)).statusCode).toBe(200);
    const roots = await t.db.prisma.token.findMany({
      where: { moId: id, parentId: null },
      orderBy: { serial: 'asc' },
      select: { id: true },
    });
    return { id, code, roots: roots.map((root) => root.id) };
  }

  const progress = async (orderId: string) =>
    manufacturingOrderDetailSchema.parse((await inject('GET', `/manufacturing-orders/${orderId}`)).json());
  const openItemsOf = (root: string) =>
    t.db.prisma.workItem.findMany({
      where: { state: 'ready', token: { OR: [{ id: root }, { parentId: root }] } },
      select: { tokenId: true, nodeKey: true },
    });
  const openItemsOfCancelledTokens = async () =>
    t.db.prisma.workItem.count({
      where: { state: { in: ['ready', 'assigned', 'in_progress', 'paused'] }, token: { state: 'cancelled' } },
    });

  it('QC_FAIL scraps the whole piece from a component, closes its work and replaces it at start; progress follows', async () => {
    const order = await releasedOrder(3);
    const [root] = order.roots as [string];
    await workThrough(t.db, root, 'cut', operatorId);
    const strap = await t.db.prisma.token.findFirstOrThrow({ where: { parentId: root, currentNodeKey: 'strap' } });
    await workThrough(t.db, strap.id, 'strap', operatorId, { leaveOpen: true });

    const response = await cancel({ tokenIds: [strap.id], type: 'QC_FAIL', reason: 'Strap torn beyond repair' });
    expect(response.statusCode).toBe(200);
    const result = cancelTokensResultSchema.parse(response.json());
    expect(result.cancelled.map((token) => token.serial).sort()).toEqual([
      `${order.code}-001`,
      `${order.code}-001.1`,
      `${order.code}-001.2`,
    ]);
    expect(result.replacements).toEqual([
      {
        id: expect.any(String),
        serial: `${order.code}-001-R1`,
        replacesId: root,
        graphVersionId: fixture.graphVersionId,
      },
    ]);
    expect(result).toMatchObject({ type: 'QC_FAIL', cancelledWorkItems: 2, orders: [] });

    const strapLog = await t.db.prisma.timeLog.findFirstOrThrow({ where: { workItem: { tokenId: strap.id } } });
    expect(strapLog.endReason).toBe('cancelled');
    expect(await openItemsOfCancelledTokens()).toBe(0);

    const detail = await progress(order.id);
    expect(detail).toMatchObject({
      quantity: 3,
      progress: { completed: 0, inFlight: 3, scrapped: 1, cancelled: 0, replacements: 1, notReleased: 0 },
    });
    expect(detail.nodes.find((node) => node.nodeKey === 'cut')).toMatchObject({ active: 3, workItems: { ready: 3 } });
    expect(
      detail.nodes.filter((node) => node.nodeKey !== 'cut').every((node) => node.active + node.waiting === 0),
    ).toBe(true);

    const scrapped = tokenDetailSchema.parse((await inject('GET', `/tokens/${root}`)).json());
    expect(scrapped).toMatchObject({
      state: 'cancelled',
      cancellation: { type: 'QC_FAIL', reason: 'Strap torn beyond repair' },
      replacedBy: { serial: `${order.code}-001-R1` },
    });
    expect(scrapped.timeline.map((event) => event.type)).toEqual(
      expect.arrayContaining(['token.cancelled', 'token.replaced']),
    );
    const replacement = tokenDetailSchema.parse((await inject('GET', `/tokens/${order.code}-001-R1`)).json());
    expect(replacement).toMatchObject({ state: 'active', nodeKey: 'cut', replaces: { id: root } });
  });

  it('PERMANENT cancels several pieces in one request and lowers the target quantity, with no replacement', async () => {
    const order = await releasedOrder(4);
    const response = await cancel({
      tokenIds: [order.roots[1], order.roots[3]],
      type: 'PERMANENT',
      reason: 'Client reduced the order',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      replacements: [],
      orders: [{ orderId: order.id, targetQuantityDelta: -2 }],
    });
    expect(await progress(order.id)).toMatchObject({
      quantity: 2,
      progress: { completed: 0, inFlight: 2, cancelled: 2, notReleased: 0 },
    });
  });

  it('REDESIGN needs a newer published version, then pins the replacement to it', async () => {
    const order = await releasedOrder(1);
    const [root] = order.roots as [string];
    const refused = await cancel({ tokenIds: [root], type: 'REDESIGN', reason: 'New strap design' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'NEW_VERSION_REQUIRED', tokenId: root });
    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: root } })).state).toBe('active');

    const v2 = await publishFixtureV2(t.db, fixture.graphId);
    const response = await cancel({ tokenIds: [root], type: 'REDESIGN', reason: 'New strap design' });
    expect(response.statusCode).toBe(200);
    const [replacement] = cancelTokensResultSchema.parse(response.json()).replacements;
    expect(replacement?.graphVersionId).toBe(v2);
    expect(tokenDetailSchema.parse((await inject('GET', `/tokens/${replacement?.id}`)).json())).toMatchObject({
      routing: { version: 2 },
      nodeKey: 'cut',
    });
    expect((await progress(order.id)).quantity).toBe(1);
  });

  it('is all or nothing: a finished or unknown piece in the list cancels nothing', async () => {
    const order = await releasedOrder(2);
    const [live, other] = order.roots as [string, string];
    expect((await cancel({ tokenIds: [other], type: 'PERMANENT', reason: 'First' })).statusCode).toBe(200);
    const eventsBefore = await t.db.prisma.event.count();

    const finished = await cancel({ tokenIds: [live, other], type: 'PERMANENT', reason: 'Second' });
    expect(finished.statusCode).toBe(409);
    expect(finished.json()).toMatchObject({ code: 'TOKEN_NOT_CANCELLABLE', tokenId: other });
    const ghost = '00000000-0000-4000-8000-000000000000';
    const unknown = await cancel({ tokenIds: [live, ghost], type: 'QC_FAIL', reason: 'Third' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'TOKEN_NOT_FOUND', tokenId: ghost });

    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: live } })).state).toBe('active');
    expect(await t.db.prisma.event.count()).toBe(eventsBefore);
    expect((await progress(order.id)).quantity).toBe(1);
  });

  it.each([
    ['no tokens', { tokenIds: [], type: 'PERMANENT', reason: 'x' }],
    ['an id that is not a UUID', { tokenIds: ['MO-2026-0001-001'], type: 'PERMANENT', reason: 'x' }],
    ['an unknown type', { tokenIds: ['00000000-0000-4000-8000-000000000000'], type: 'SCRAP', reason: 'x' }],
    ['a blank reason', { tokenIds: ['00000000-0000-4000-8000-000000000000'], type: 'PERMANENT', reason: '   ' }],
    ['no reason', { tokenIds: ['00000000-0000-4000-8000-000000000000'], type: 'PERMANENT' }],
    [
      'an unknown field',
      { tokenIds: ['00000000-0000-4000-8000-000000000000'], type: 'PERMANENT', reason: 'x', force: true },
    ],
  ])('refuses %s with a 400 problem', async (_name, payload) => {
    const response = await cancel(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('is for managers, admins and integrators', async () => {
    const order = await releasedOrder(1);
    const body = { tokenIds: order.roots, type: 'PERMANENT', reason: 'Not yours to cancel' };
    expect((await cancel(body, {})).statusCode).toBe(401);
    expect((await cancel(body, operator)).statusCode).toBe(403);
    expect((await cancel(body, (await loginAs(t.db, 'designer')).headers)).statusCode).toBe(403);
    expect((await cancel(body, (await loginAs(t.db, 'integrator')).headers)).statusCode).toBe(200);
  });

  it('keeps overlapping bulk cancellations consistent: one wins, the other cancels nothing, no work is orphaned', async () => {
    for (let round = 0; round < 3; round += 1) {
      const order = await releasedOrder(5);
      const [p1, p2, p3, p4, p5] = order.roots as [string, string, string, string, string];
      // Listed in opposite orders: the sorted piece locks keep them from deadlocking.
      const [a, b] = await Promise.all([
        cancel({ tokenIds: [p1, p2, p3], type: 'QC_FAIL', reason: `Round ${round} A` }),
        cancel({ tokenIds: [p5, p4, p3], type: 'QC_FAIL', reason: `Round ${round} B` }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? [p1, p2, p3] : [p3, p4, p5];
      const tokens = await t.db.prisma.token.findMany({ where: { id: { in: order.roots } } });
      expect(
        tokens
          .filter((token) => token.state === 'cancelled')
          .map((token) => token.id)
          .sort(),
      ).toEqual([...winner].sort());
      expect(await t.db.prisma.token.count({ where: { replacesId: { in: order.roots } } })).toBe(3);
      expect(await openItemsOfCancelledTokens()).toBe(0);
      expect((await progress(order.id)).progress).toEqual({
        completed: 0,
        inFlight: 5,
        scrapped: 3,
        cancelled: 0,
        replacements: 3,
        notReleased: 0,
      });
    }
  });

  it('runs disjoint bulk cancellations side by side', async () => {
    const order = await releasedOrder(6);
    const [p1, p2, p3, p4, p5, p6] = order.roots as [string, string, string, string, string, string];
    const responses = await Promise.all([
      cancel({ tokenIds: [p1, p6, p3], type: 'PERMANENT', reason: 'A' }),
      cancel({ tokenIds: [p5, p2, p4], type: 'PERMANENT', reason: 'B' }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    // Nothing left to make: the order is closed as cancelled.
    expect(await progress(order.id)).toMatchObject({
      status: 'cancelled',
      quantity: 0,
      progress: { inFlight: 0, cancelled: 6, notReleased: 0 },
    });
  });

  it('completes an order when its last piece in flight is cancelled PERMANENT and the rest are made', async () => {
    const order = await releasedOrder(2);
    const [made, dropped] = order.roots as [string, string];
    const { userId: colleague } = await loginAs(t.db, 'operator');
    // Work the piece to its end on whatever version the order was released on.
    for (let open = await openItemsOf(made); open.length > 0; open = await openItemsOf(made)) {
      for (const item of open) {
        const multi = item.nodeKey === 'body' ? [colleague] : [];
        await workThrough(t.db, item.tokenId, item.nodeKey, operatorId, {
          colleagues: multi,
          ...(item.nodeKey === 'qc' && { qc: { result: 'pass', reasonCodes: [] } }),
        });
      }
    }
    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: made } })).state).toBe('completed');
    // Work moved on it: the released order is in progress.
    expect((await progress(order.id)).status).toBe('in_progress');

    expect((await cancel({ tokenIds: [dropped], type: 'PERMANENT', reason: 'Client needs one only' })).statusCode).toBe(
      200,
    );
    expect(await progress(order.id)).toMatchObject({
      status: 'completed',
      quantity: 1,
      progress: { completed: 1, inFlight: 0, cancelled: 1, notReleased: 0 },
    });
    const closing = await t.db.prisma.event.findMany({
      where: { orderId: order.id, type: { startsWith: 'order.' } },
      orderBy: { seq: 'asc' },
    });
    expect(closing.map((event) => event.type)).toEqual([
      'order.created',
      'order.released',
      'order.started',
      'order.completed',
    ]);
  });
});
