import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFixtureOrder, insertProductionFixture } from '../production/production-fixture.ts';
import { explainPrepared, planNodes } from '../testing/explain-prepared.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { nextWorkItemQuery } from './load-work-item.ts';

// Taking the next piece is on the operators' hot path: it must read the queue in order through its
// index and lock one root token per item it looks at, not join every token to find the roots.
describe('taking the next piece', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    const fixture = await insertProductionFixture(t.db);
    const orderId = await insertFixtureOrder(t.db, fixture, 'MO-2026-0960', 3000);
    await t.db.query(
      `WITH made AS (
         INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
         SELECT 'MO-2026-0960-' || n, $1::uuid, $2::uuid, 'active', 'cut' FROM generate_series(1, 3000) AS n RETURNING id)
       INSERT INTO work_items (token_id, node_key, visit, state, priority) SELECT id, 'cut', 1, 'ready', 3 FROM made`,
      [orderId, fixture.graphVersionId],
    );
    await t.db.query('ANALYZE');
  }, 60_000);
  afterAll(() => t.drop());

  it('reads the queue through its index and locks the root token of the one item it takes, reading no table whole', async () => {
    const { statement } = nextWorkItemQuery('00000000-0000-4000-8000-000000000001', { node: 'cut' });
    const plan = await explainPrepared(t.db, statement.text, `'00000000-0000-4000-8000-000000000001', 'cut'`, {
      analyze: true,
    });
    const nodes = planNodes(plan);
    const scanned = nodes.flatMap((node) => (node['Node Type'] === 'Seq Scan' ? [node['Relation Name']] : []));
    expect(scanned).not.toContain('tokens');
    expect(scanned).not.toContain('work_items');
    // Each root token found by an index probe, never by hashing every token.
    expect(nodes.map((node) => node['Node Type'])).not.toContain('Hash Join');
  });
});
