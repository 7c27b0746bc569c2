import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainPrepared, planNodes } from '../testing/explain-prepared.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { insertFixtureOrder, insertProductionFixture } from './production-fixture.ts';
import { ORDER_TABLES, settleSql } from './settle-orders.ts';

// Every step that finishes a piece settles its order after the commit: while the order still has
// a piece in flight, that must cost one index probe, not a count of the pieces it has made.
describe('settling an order with a piece still in flight', () => {
  let t: TestDatabase;
  let orderId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const fixture = await insertProductionFixture(t.db);
    orderId = await insertFixtureOrder(t.db, fixture, 'MO-2026-0951', 3001);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'in_progress' WHERE id = $1::uuid`, [orderId]);
    await t.db.query(
      `INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
       SELECT 'MO-2026-0951-' || n, $1::uuid, $2::uuid, CASE WHEN n = 3001 THEN 'active' ELSE 'completed' END::token_state,
              CASE WHEN n = 3001 THEN 'pack' ELSE 'end' END
         FROM generate_series(1, 3001) AS n`,
      [orderId, fixture.graphVersionId],
    );
    await t.db.query('ANALYZE tokens');
  }, 60_000);
  afterAll(() => t.drop());

  it('reads one token of the order, not the 3000 it has completed, and leaves it open', async () => {
    const plan = await explainPrepared(
      t.db,
      settleSql(ORDER_TABLES.manufacturingOrder, false),
      `now(), 'test', '{${orderId}}'`,
      { analyze: true },
    );
    const tokensRead = planNodes(plan)
      .filter((node) => node['Relation Name'] === 'tokens')
      .reduce((sum, node) => sum + (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 0), 0);
    expect(tokensRead).toBe(1);
    const [order] = await t.db.query<{ status: string }>(
      'SELECT status::text FROM manufacturing_orders WHERE id = $1::uuid',
      [orderId],
    );
    expect(order?.status).toBe('in_progress');
  });
});
