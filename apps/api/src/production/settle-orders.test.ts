import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { insertFixtureOrder, insertProductionFixture, type ProductionFixture } from './production-fixture.ts';
import { settleOrders } from './settle-orders.ts';

// The fixture routing's qc step sends a failed piece along its `fail` edge to the end node
// "Scrapped" (`scrap`): the piece's token completes there, but nothing was made.
describe('settling an order whose pieces reached the scrap end', () => {
  let t: TestDatabase;
  let fixture: ProductionFixture;
  let orders = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    fixture = await insertProductionFixture(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  /** An order in progress of `target` pieces, its pieces completed at the given end nodes; settled. */
  async function settle(target: number, ends: readonly ('end' | 'scrap')[]) {
    orders += 1;
    const code = `MO-2026-${String(900 + orders).padStart(4, '0')}`;
    const id = await insertFixtureOrder(t.db, fixture, code, target);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'in_progress' WHERE id = $1::uuid`, [id]);
    await t.db.query(
      `INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
       SELECT $3 || '-' || n, $1::uuid, $2::uuid, 'completed', node FROM unnest($4::text[]) WITH ORDINALITY AS p(node, n)`,
      [id, fixture.graphVersionId, code, ends],
    );
    const closed = await settleOrders(t.db, { manufacturingOrder: [id], atelierJob: [] }, 'test', new Date());
    const [order] = await t.db.query<{ status: string }>(
      'SELECT status::text FROM manufacturing_orders WHERE id = $1::uuid',
      [id],
    );
    const events = await t.db.query<{ type: string }>('SELECT type FROM events WHERE order_id = $1::uuid', [id]);
    return { closed, status: order?.status, events: events.map((event) => event.type), id };
  }

  it('counts a scrapped piece as scrapped, not made: an order of 2 with 1 made and 1 scrapped stays open for a replacement', async () => {
    expect(await settle(2, ['end', 'scrap'])).toMatchObject({ closed: 0, status: 'in_progress', events: [] });
  });

  it('does not close an order whose every piece was scrapped', async () => {
    expect(await settle(1, ['scrap'])).toMatchObject({ closed: 0, status: 'in_progress', events: [] });
  });

  it('closes the order as completed once as many pieces were made as it asks for, scrapped ones besides', async () => {
    expect(await settle(2, ['end', 'scrap', 'end'])).toMatchObject({
      closed: 1,
      status: 'completed',
      events: ['order.completed'],
    });
  });
});
