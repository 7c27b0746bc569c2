import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainPrepared, planNodes, type PlanNode } from '../testing/explain-prepared.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { LOAD_PIECES_SQL } from './piece-store.ts';
import { insertFixtureOrder, insertProductionFixture } from './production-fixture.ts';

const scannedTables = (plan: PlanNode): string[] =>
  planNodes(plan).flatMap((node) =>
    node['Node Type'] === 'Seq Scan' && node['Relation Name'] !== undefined ? [node['Relation Name']] : [],
  );

// A routing step reads its piece on every completion: that read must cost the same on the first
// day and after a year of pieces. The planner cannot estimate a walk through the token tree and,
// with a prepared (generic) plan as the API runs it, used to hash-join the walk against every token.
describe('reading a piece', () => {
  let t: TestDatabase;
  let pieceToken: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const fixture = await insertProductionFixture(t.db);
    const orderId = await insertFixtureOrder(t.db, fixture, 'MO-2026-0950', 3000);
    const [row] = await t.db.query<{ id: string }>(
      `INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
       SELECT 'MO-2026-0950-' || n, $1::uuid, $2::uuid, 'completed', 'pack' FROM generate_series(1, 3000) AS n
       RETURNING id`,
      [orderId, fixture.graphVersionId],
    );
    pieceToken = row?.id as string;
    await t.db.query('ANALYZE tokens');
  }, 60_000);
  afterAll(() => t.drop());

  it('finds the tokens of a piece through the indexes, never by reading every token', async () => {
    const plan = await explainPrepared(t.db, LOAD_PIECES_SQL, `'{${pieceToken}}', NULL`);
    expect(scannedTables(plan)).not.toContain('tokens');
  });
});
