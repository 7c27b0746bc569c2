import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProductionFixture } from '../../../../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs } from '../../../../testing/auth-for-tests.ts';
import { manufacturingOrderDetailSchema } from '@atelier/contracts';

describe('manufacturing order commands', () => {
  let t: TestApp;
  let manager: { cookie: string };
  let integrator: { cookie: string };
  let operator: { cookie: string };
  let designer: { cookie: string };
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    t = await buildTestApp();
    await insertProductionFixture(t.db);
    await t.db.prisma.routingGraph.create({
      data: {
        code: 'DRAFT-ONLY',
        name: 'Unpublished routing',
        versions: { create: { number: 1, status: 'draft', body: {} } },
      },
    });
    ({ headers: manager } = await loginAs(t.db, 'manager'));
    ({ headers: integrator } = await loginAs(t.db, 'integrator'));
    ({ headers: operator } = await loginAs(t.db, 'operator'));
    ({ headers: designer } = await loginAs(t.db, 'designer'));
  }, 60_000);
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = manager) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/manufacturing-orders${url}`,
      headers,
      ...(payload !== undefined && { payload: payload as object }),
    });
  const order = (extra: Record<string, unknown> = {}) => ({
    product: 'Fixture tote',
    client: 'Maison Verel',
    quantity: 3,
    dueDate: '2026-12-15',
    routing: 'PROD-01',
    ...extra,
  });
  const count = async () => t.db.prisma.manufacturingOrder.count();

  describe('POST /manufacturing-orders', () => {
    it('creates a draft OEM order with the next generated code and records order.created', async () => {
      const response = await post('', order({ priority: 2 }));
      expect(response.statusCode).toBe(201);
      const created = manufacturingOrderDetailSchema.parse(response.json());
      expect(created).toMatchObject({
        code: expect.stringMatching(new RegExp(`^MO-${year}-\\d{4}$`)),
        status: 'draft',
        quantity: 3,
        dueDate: '2026-12-15',
        routing: { code: 'PROD-01', version: null },
        progress: { completed: 0, inFlight: 0, cancelled: 0, notReleased: 3 },
      });
      expect(response.headers.location).toBe(`/api/v1/manufacturing-orders/${created.id}`);
      const next = manufacturingOrderDetailSchema.parse((await post('', order())).json());
      expect(Number(next.code.slice(-4))).toBe(Number(created.code.slice(-4)) + 1);
      const events = await t.db.prisma.event.findMany({ where: { orderId: created.id } });
      expect(events.map((event) => [event.type, event.data])).toEqual([
        ['order.created', { code: created.code, kind: 'manufacturing_order', routing: 'PROD-01' }],
      ]);
      expect(events[0]?.actor).toMatch(/^user:/);
    });

    it('gives concurrent creations distinct codes', async () => {
      const responses = await Promise.all(Array.from({ length: 6 }, () => post('', order(), integrator)));
      expect(responses.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
      const codes = responses.map((response) => response.json().code as string);
      expect(new Set(codes).size).toBe(6);
    });

    it('keeps a code the client chose and refuses it a second time with 409', async () => {
      expect((await post('', order({ code: 'MO-2026-7001' }))).json()).toMatchObject({ code: 'MO-2026-7001' });
      const again = await post('', order({ code: 'MO-2026-7001' }));
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'ORDER_CODE_TAKEN' });
    });

    it.each([{ productionType: 'ATELIER' }, { production_type: 'OEM' }, { type: 'ATELIER' }])(
      'refuses a production type (%o): an MO is always OEM',
      async (field) => {
        const before = await count();
        const response = await post('', order(field));
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json().detail).toMatch(/always OEM/);
        expect(response.json().detail).toContain(Object.keys(field)[0]);
        expect(await count()).toBe(before);
      },
    );

    it.each([
      ['no product', { product: undefined }, 400, 'VALIDATION_FAILED'],
      ['zero quantity', { quantity: 0 }, 400, 'VALIDATION_FAILED'],
      ['a fractional quantity', { quantity: 2.5 }, 400, 'VALIDATION_FAILED'],
      ['a bad due date', { dueDate: '2026-13-40' }, 400, 'VALIDATION_FAILED'],
      ['a malformed code', { code: 'ORDER-1' }, 400, 'VALIDATION_FAILED'],
      ['an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED'],
      ['an unknown routing', { routing: 'NOPE-01' }, 422, 'UNKNOWN_ROUTING'],
    ])('refuses %s with a %i problem and writes nothing', async (_name, extra, status, code) => {
      const before = await count();
      const response = await post('', order(extra));
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ status, code });
      expect(await count()).toBe(before);
    });

    it('needs a signed-in manager, admin or integrator', async () => {
      expect((await post('', order(), {})).statusCode).toBe(401);
      expect((await post('', order(), operator)).statusCode).toBe(403);
      expect((await post('', order(), designer)).statusCode).toBe(403);
    });
  });

  describe('POST /manufacturing-orders/:id/release', () => {
    async function draft(quantity: number, routing = 'PROD-01'): Promise<{ id: string; code: string }> {
      const response = await post('', order({ quantity, routing }));
      expect(response.statusCode).toBe(201);
      return response.json();
    }

    it('spawns one token per piece on the published version, each at its first work step, with progress to match', async () => {
      const { id, code } = await draft(3);
      const response = await post(`/${code}/release`, { attributes: { leather: 'calf', colour: 'Cognac' } });
      expect(response.statusCode).toBe(200);
      const released = manufacturingOrderDetailSchema.parse(response.json());
      expect(released).toMatchObject({
        status: 'released',
        routing: { code: 'PROD-01', version: 1 },
        progress: { completed: 0, inFlight: 3, cancelled: 0, notReleased: 0 },
      });
      expect(released.nodes.find((node) => node.nodeKey === 'cut')).toMatchObject({
        active: 3,
        workItems: { ready: 3, assigned: 0, inProgress: 0, paused: 0 },
      });
      const tokens = await t.db.prisma.token.findMany({
        where: { moId: id },
        orderBy: { serial: 'asc' },
        include: { workItems: true },
      });
      expect(tokens.map((token) => [token.serial, token.state, token.currentNodeKey, token.attributes])).toEqual(
        [1, 2, 3].map((n) => [`${code}-00${n}`, 'active', 'cut', { leather: 'calf', colour: 'Cognac' }]),
      );
      expect(tokens.every((token) => token.workItems.length === 1 && token.workItems[0]?.priority === 0)).toBe(true);
      const types = (await t.db.prisma.event.findMany({ where: { orderId: id }, orderBy: { seq: 'asc' } })).map(
        (event) => event.type,
      );
      expect(types.slice(0, 2)).toEqual(['order.created', 'order.released']);
      expect(types.filter((type) => type === 'token.released')).toHaveLength(3);
      expect(types.filter((type) => type === 'work_item.created')).toHaveLength(3);
    });

    it('refuses a second release with 409 and adds no piece', async () => {
      const { id } = await draft(2);
      expect((await post(`/${id}/release`, undefined)).statusCode).toBe(200);
      const again = await post(`/${id}/release`, undefined);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'ORDER_ALREADY_RELEASED', status: 409 });
      expect(await t.db.prisma.token.count({ where: { moId: id } })).toBe(2);
    });

    it('releases once when two releases race', async () => {
      const { id } = await draft(4);
      const responses = await Promise.all([
        post(`/${id}/release`, undefined),
        post(`/${id}/release`, undefined, integrator),
      ]);
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      expect(await t.db.prisma.token.count({ where: { moId: id } })).toBe(4);
    });

    it('refuses a routing without a published version with 422 and leaves the order a draft', async () => {
      const { id } = await draft(2, 'DRAFT-ONLY');
      const response = await post(`/${id}/release`, undefined);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'NO_PUBLISHED_VERSION' });
      expect((await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
    });

    it('releases 150 pieces in one go', async () => {
      const { id } = await draft(150);
      const started = performance.now();
      expect((await post(`/${id}/release`, undefined)).statusCode).toBe(200);
      const ms = performance.now() - started;
      expect(await t.db.prisma.workItem.count({ where: { token: { moId: id } } })).toBe(150);
      console.info(JSON.stringify({ releasePieces: 150, ms: Math.round(ms) }));
    });

    it.each([
      ['an unknown order', '/MO-2099-0001/release', undefined, 404, 'MANUFACTURING_ORDER_NOT_FOUND'],
      [
        'an attribute that is an object',
        '/MO-2026-7001/release',
        { attributes: { leather: { kind: 'calf' } } },
        400,
        'VALIDATION_FAILED',
      ],
      ['an unknown body field', '/MO-2026-7001/release', { pieces: 3 }, 400, 'VALIDATION_FAILED'],
    ])('refuses %s', async (_name, url, payload, status, code) => {
      const response = await post(url, payload);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ code });
    });

    it('replays a create and a release retried with the same Idempotency-Key, without doing them twice', async () => {
      const keyed = (key: string) => ({ ...manager, 'idempotency-key': key });
      const first = await post('', order({ quantity: 2 }), keyed('create-tote-batch-1'));
      const retry = await post('', order({ quantity: 2 }), keyed('create-tote-batch-1'));
      expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.json().id).toBe(first.json().id);
      expect(await t.db.prisma.manufacturingOrder.count({ where: { code: first.json().code } })).toBe(1);

      const released = await post(`/${first.json().id}/release`, undefined, keyed('release-tote-batch-1'));
      const again = await post(`/${first.json().id}/release`, undefined, keyed('release-tote-batch-1'));
      expect([released.statusCode, again.statusCode]).toEqual([200, 200]);
      expect(again.json()).toEqual(released.json());
      expect(await t.db.prisma.token.count({ where: { moId: first.json().id } })).toBe(2);
      expect((await post('', order({ quantity: 3 }), keyed('create-tote-batch-1'))).json()).toMatchObject({
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
    });

    it('is for managers, admins and integrators only', async () => {
      const { id } = await draft(1);
      expect((await post(`/${id}/release`, undefined, {})).statusCode).toBe(401);
      expect((await post(`/${id}/release`, undefined, operator)).statusCode).toBe(403);
      expect(await t.db.prisma.token.count({ where: { moId: id } })).toBe(0);
    });
  });
});
