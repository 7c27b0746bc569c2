import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProductionFixture, workThrough } from '../../../../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { tokenDetailSchema, tokenPageSchema } from '@atelier/contracts';

describe('token reads', () => {
  let t: TestApp;
  let headers: { cookie: string };
  let orderId: string;
  let code: string;
  let operatorId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await insertProductionFixture(t.db);
    const manager = await loginAs(t.db, 'manager');
    const operator = await loginAs(t.db, 'operator');
    ({ headers } = operator);
    operatorId = operator.userId;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/manufacturing-orders',
      headers: manager.headers,
      payload: { product: 'Fixture tote', client: 'Fixture client', quantity: 4, routing: 'PROD-01' },
    });
    ({ id: orderId, code } = created.json());
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/manufacturing-orders/${orderId}/release`,
          headers: manager.headers,
        })
      ).statusCode,
    ).toBe(200);
    // Piece 001 is cut and split into its strap and body components.
    const first = await t.db.prisma.token.findUniqueOrThrow({ where: { serial: `${code}-001` } });
    await workThrough(t.db, first.id, 'cut', operatorId);
  }, 60_000);
  afterAll(() => t.close());

  const get = (url: string, as: { cookie: string } | Record<string, never> = headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1/tokens${url}`, headers: as });

  it('lists an order’s tokens by serial, components included, with order, routing and state', async () => {
    const response = await get(`?order=${code}`);
    expect(response.statusCode).toBe(200);
    const page = tokenPageSchema.parse(response.json());
    expect(page.items.map((token) => [token.serial, token.state, token.nodeKey])).toEqual([
      [`${code}-001`, 'waiting', 'join'],
      [`${code}-001.1`, 'active', 'strap'],
      [`${code}-001.2`, 'active', 'body'],
      [`${code}-002`, 'active', 'cut'],
      [`${code}-003`, 'active', 'cut'],
      [`${code}-004`, 'active', 'cut'],
    ]);
    expect(page.items[0]).toMatchObject({
      order: { id: orderId, code, kind: 'manufacturingOrder' },
      routing: { code: 'PROD-01', version: 1 },
      cancellation: null,
      parentId: null,
    });
    expect(page.items[1]?.parentId).toBe(page.items[0]?.id);
  });

  it('filters by state, node and serial prefix, and pages with a cursor', async () => {
    const atCut = tokenPageSchema.parse((await get(`?order=${orderId}&node=cut&state=active`)).json());
    expect(atCut.items.map((token) => token.serial)).toEqual([`${code}-002`, `${code}-003`, `${code}-004`]);
    const bySerial = tokenPageSchema.parse((await get(`?serial=${code}-001.`)).json());
    expect(bySerial.items.map((token) => token.serial)).toEqual([`${code}-001.1`, `${code}-001.2`]);
    const waiting = tokenPageSchema.parse((await get(`?order=${code}&state=waiting`)).json());
    expect(waiting.items.map((token) => token.serial)).toEqual([`${code}-001`]);
    const serials: string[] = [];
    let url = `?order=${code}&limit=4`;
    for (let pages = 0; pages < 5; pages += 1) {
      const page = tokenPageSchema.parse((await get(url)).json());
      serials.push(...page.items.map((token) => token.serial));
      if (page.nextCursor === null) break;
      url = `?order=${code}&limit=4&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(serials).toHaveLength(6);
  });

  it('shows a token by serial or id with its genealogy, work items and full timeline', async () => {
    const parent = tokenDetailSchema.parse((await get(`/${code}-001`)).json());
    expect(parent.children.map((child) => [child.serial, child.state, child.nodeKey])).toEqual([
      [`${code}-001.1`, 'active', 'strap'],
      [`${code}-001.2`, 'active', 'body'],
    ]);
    expect(parent.workItems.map((item) => [item.nodeKey, item.visit, item.state, item.assigneeId])).toEqual([
      ['cut', 1, 'completed', operatorId],
    ]);
    expect(parent.timeline.map((event) => event.type)).toEqual([
      'token.released',
      'token.moved',
      'work_item.created',
      'work_item.claimed',
      'work_item.started',
      'work_item.completed',
      'token.moved',
      'token.split',
    ]);
    expect(parent.timeline.map((event) => event.seq)).toEqual(
      [...parent.timeline.map((event) => event.seq)].sort((a, b) => a - b),
    );
    const child = tokenDetailSchema.parse((await get(`/${parent.children[0]?.id}`)).json());
    expect(child).toMatchObject({
      parent: { id: parent.id, serial: parent.serial },
      replaces: null,
      replacedBy: null,
      nodeKey: 'strap',
    });
  });

  it.each([
    ['an unknown serial', '/MO-2099-0001-001', 404, 'TOKEN_NOT_FOUND'],
    ['an unknown id', '/00000000-0000-4000-8000-000000000000', 404, 'TOKEN_NOT_FOUND'],
    ['an unknown order filter', '?order=MO-2099-0001', 404, 'ORDER_NOT_FOUND'],
    ['an unknown state', '?state=lost', 400, 'VALIDATION_FAILED'],
    ['a forged cursor', '?cursor=abc', 400, 'INVALID_CURSOR'],
  ])('answers %s with a %i problem', async (_name, url, status, problemCode) => {
    const response = await get(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: problemCode });
  });

  it('needs a signed-in caller', async () => {
    expect((await get('', {})).statusCode).toBe(401);
    expect((await get(`/${code}-001`, {})).statusCode).toBe(401);
  });
});
