import { settleOutcome } from '@atelier/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { insertFixtureOrder, insertProductionFixture, type ProductionFixture } from './production-fixture.ts';
import { settleOrders } from './settle-orders.ts';

// Settlement closes orders set-based in SQL (`settleSql`); it must close exactly the orders the
// domain's `settleOutcome` closes, the way it says, for any mix of pieces and target.
describe('settling orders', () => {
  let t: TestDatabase;
  let fixture: ProductionFixture;
  let orders = 0;

  beforeAll(async () => {
    t = await createTestDatabase();
    fixture = await insertProductionFixture(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it('closes an order as settleOutcome says, and leaves it open when it says so', async () => {
    // `scrapped`: completed at the routing's scrap end (reached only by a QC fail), so not made.
    const piece = fc.constantFrom('active', 'waiting', 'completed', 'cancelled', 'scrapped');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('released', 'in_progress'),
        async (pieces, target, status) => {
          orders += 1;
          const code = `MO-2026-${String(orders).padStart(4, '0')}`;
          const id = await insertFixtureOrder(t.db, fixture, code, target);
          await t.db.query(`UPDATE manufacturing_orders SET status = $2::order_status WHERE id = $1::uuid`, [
            id,
            status,
          ]);
          await t.db.query(
            `INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
           SELECT $3 || '-' || n, $1::uuid, $2::uuid, replace(state, 'scrapped', 'completed')::token_state,
                  CASE state WHEN 'scrapped' THEN 'scrap' ELSE 'cut' END
             FROM unnest($4::text[]) WITH ORDINALITY AS p(state, n)`,
            [id, fixture.graphVersionId, code, pieces],
          );
          await settleOrders(t.db, { manufacturingOrder: [id], atelierJob: [] }, 'test', new Date());
          const [row] = await t.db.query<{ status: string }>(
            'SELECT status::text FROM manufacturing_orders WHERE id = $1::uuid',
            [id],
          );
          const count = (...states: string[]) => pieces.filter((state) => states.includes(state)).length;
          const outcome = settleOutcome({
            inFlight: count('active', 'waiting'),
            completed: count('completed'),
            target,
          });
          expect(row?.status, JSON.stringify({ pieces, target, status })).toBe(outcome ?? status);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
