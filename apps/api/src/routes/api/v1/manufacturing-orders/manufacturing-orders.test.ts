import { describe, expect, it } from 'vitest';
import { FIXTURE_PROGRESS, expectCountsAddUp, fixtureNodeCounts, useOrderFixtureApp } from '../order-fixture.ts';
import { manufacturingOrderDetailSchema, manufacturingOrderPageSchema } from '@atelier/contracts';

describe('manufacturing order routes', () => {
  const fixture = useOrderFixtureApp('manufacturingOrder', 'MO-2026-0001');
  const { get } = fixture;

  describe('GET /api/v1/manufacturing-orders', () => {
    it('lists orders newest code first with their piece progress', async () => {
      const response = await get('/api/v1/manufacturing-orders');
      expect(response.statusCode).toBe(200);
      const page = manufacturingOrderPageSchema.parse(response.json());
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((order) => [order.code, order.status, order.progress])).toEqual([
        [
          'MO-2026-0014',
          'draft',
          { completed: 0, inFlight: 0, notReleased: 30, scrapped: 0, cancelled: 0, replacements: 0 },
        ],
        [
          'MO-2026-0013',
          'in_progress',
          { completed: 0, inFlight: 40, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 },
        ],
        [
          'MO-2026-0012',
          'in_progress',
          { completed: 6, inFlight: 18, notReleased: 0, scrapped: 1, cancelled: 0, replacements: 1 },
        ],
        [
          'MO-2026-0009',
          'completed',
          { completed: 12, inFlight: 0, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 },
        ],
        ['MO-2026-0001', 'released', FIXTURE_PROGRESS],
      ]);
    });

    it('counts pieces, not components: children of a split, scraps, cancellations and replacements', async () => {
      const page = manufacturingOrderPageSchema.parse((await get('/api/v1/manufacturing-orders')).json());
      expect(page.items.find((order) => order.id === fixture.fixtureId)?.progress).toEqual(FIXTURE_PROGRESS);
    });

    it('shows client, quantity, due date and the routing version an order was released on', async () => {
      const page = manufacturingOrderPageSchema.parse((await get('/api/v1/manufacturing-orders')).json());
      const tote = page.items.find((order) => order.code === 'MO-2026-0012');
      expect(tote).toMatchObject({
        product: 'Signature Tote — Cognac',
        client: 'Maison Verel',
        quantity: 24,
        dueDate: '2026-11-30',
        routing: { code: 'TOTE-01', name: 'Tote bag', version: 1 },
      });
      expect(page.items.find((order) => order.code === 'MO-2026-0014')?.routing).toEqual({
        code: 'BELT-01',
        name: 'Belt',
        version: null,
      });
    });

    it('pages with an opaque cursor until nextCursor is null', async () => {
      const codes: string[] = [];
      let url = '/api/v1/manufacturing-orders?limit=2';
      for (let pages = 0; pages < 10; pages += 1) {
        const page = manufacturingOrderPageSchema.parse((await get(url)).json());
        expect(page.items.length).toBeLessThanOrEqual(2);
        codes.push(...page.items.map((order) => order.code));
        if (page.nextCursor === null) break;
        url = `/api/v1/manufacturing-orders?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      expect(codes).toEqual(['MO-2026-0014', 'MO-2026-0013', 'MO-2026-0012', 'MO-2026-0009', 'MO-2026-0001']);
    });

    it.each([
      ['limit=0', 'VALIDATION_FAILED'],
      ['limit=201', 'VALIDATION_FAILED'],
      ['limit=ten', 'VALIDATION_FAILED'],
      ['cursor=not-a-cursor', 'INVALID_CURSOR'],
    ])('refuses %s with a 400 problem', async (query, code) => {
      const response = await get(`/api/v1/manufacturing-orders?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe(code);
    });
  });

  describe('GET /api/v1/manufacturing-orders/:id', () => {
    it('finds an order by id or by code, with counts per node in routing order', async () => {
      for (const key of [fixture.fixtureId, 'MO-2026-0001']) {
        const response = await get(`/api/v1/manufacturing-orders/${key}`);
        expect(response.statusCode).toBe(200);
        const order = manufacturingOrderDetailSchema.parse(response.json());
        expect(order.id).toBe(fixture.fixtureId);
        expect(order.progress).toEqual(FIXTURE_PROGRESS);
        expect(order.nodes).toEqual(fixtureNodeCounts());
      }
    });

    it('accounts for every token in flight of a demo order at exactly one node', async () => {
      const order = manufacturingOrderDetailSchema.parse(
        (await get('/api/v1/manufacturing-orders/MO-2026-0012')).json(),
      );
      const [row] = await fixture.db.query<{ in_flight: number; open_items: number }>(
        `SELECT (SELECT count(*)::int FROM tokens WHERE mo_id = $1 AND state IN ('active', 'waiting')) AS in_flight,
                (SELECT count(*)::int FROM work_items w JOIN tokens t ON t.id = w.token_id
                  WHERE t.mo_id = $1 AND w.state IN ('ready', 'assigned', 'in_progress', 'paused')) AS open_items`,
        [order.id],
      );
      const sum = (pick: (node: (typeof order.nodes)[number]) => number) =>
        order.nodes.reduce((total, node) => total + pick(node), 0);
      expect(sum((node) => node.active + node.waiting)).toBe(row?.in_flight);
      const items = sum(
        (node) => node.workItems.ready + node.workItems.assigned + node.workItems.inProgress + node.workItems.paused,
      );
      expect(items).toBe(row?.open_items);
      expect(order.nodes.map((node) => node.nodeKey)).toEqual([
        'start',
        'cut',
        'skive',
        'split',
        'stitch-body',
        'edge-paint-strap',
        'join',
        'assemble',
        'qc',
        'pack',
        'end',
        'scrap',
      ]);
    });

    it('adds up: 24 pieces = 6 completed + 18 in flight, one of them replacing the piece scrapped at final inspection', async () => {
      const order = manufacturingOrderDetailSchema.parse(
        (await get('/api/v1/manufacturing-orders/MO-2026-0012')).json(),
      );
      expect(order.progress).toEqual({
        completed: 6,
        inFlight: 18,
        notReleased: 0,
        scrapped: 1,
        cancelled: 0,
        replacements: 1,
      });
      expect(
        order.nodes.filter((node) => node.ended.scrapped > 0).map((node) => [node.nodeKey, node.ended.scrapped]),
      ).toEqual([['qc', 1]]);
      expect(order.nodes.find((node) => node.nodeKey === 'end')?.ended).toEqual({
        completed: 6,
        scrapped: 0,
        cancelled: 0,
      });
      expectCountsAddUp(order);
    });

    it('counts the fixture pieces and components per node so that they add up to the order', async () => {
      const order = manufacturingOrderDetailSchema.parse(
        (await get(`/api/v1/manufacturing-orders/${fixture.fixtureId}`)).json(),
      );
      expectCountsAddUp(order);
    });

    it('lists the atelier jobs linked to the order (hybrid jobs)', async () => {
      const order = manufacturingOrderDetailSchema.parse(
        (await get('/api/v1/manufacturing-orders/MO-2026-0012')).json(),
      );
      expect(order.atelierJobs.map((job) => job.code)).toEqual(['AJ-2026-0032']);
    });

    it('shows no nodes for an order not released yet', async () => {
      const order = manufacturingOrderDetailSchema.parse(
        (await get('/api/v1/manufacturing-orders/MO-2026-0014')).json(),
      );
      expect(order.nodes).toEqual([]);
      expect(order.progress).toEqual({
        completed: 0,
        inFlight: 0,
        notReleased: 30,
        scrapped: 0,
        cancelled: 0,
        replacements: 0,
      });
    });

    it.each(['MO-2099-0001', '00000000-0000-4000-8000-000000000000'])(
      'answers an unknown order %s with a 404 problem',
      async (key) => {
        const response = await get(`/api/v1/manufacturing-orders/${key}`);
        expect(response.statusCode).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: 404, code: 'MANUFACTURING_ORDER_NOT_FOUND' });
      },
    );
  });
});
