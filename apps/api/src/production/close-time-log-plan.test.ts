import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainPrepared, planNodes, type PlanNode } from '../testing/explain-prepared.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { persistEffectsStatement } from './persist-effects-sql.ts';
import { insertFixtureOrder, insertProductionFixture } from './production-fixture.ts';

/** Index entries the plan read from the time logs' indexes (rows × loops of its index scans). */
const timeLogIndexEntriesRead = (plan: PlanNode): number =>
  planNodes(plan)
    .filter((node) => node['Index Name']?.startsWith('time_logs_') === true)
    .reduce((sum, node) => sum + (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 0), 0);

// Every completion, pause and hand-off ends an operator's time log. That must cost the same for an
// operator's first piece and after a year of shifts: the log is found by item and operator, never
// by reading the operator's history.
describe('ending a time log', () => {
  let t: TestDatabase;
  let tokenId: string;
  let workItemId: string;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const fixture = await insertProductionFixture(t.db);
    const orderId = await insertFixtureOrder(t.db, fixture, 'MO-2026-0952', 301);
    ({ userId } = await loginAs(t.db, 'operator'));
    // 300 finished pieces with 10 closed logs each for the operator, and one piece in progress.
    const items = await t.db.query<{ id: string; token_id: string; state: string }>(
      `WITH made AS (
         INSERT INTO tokens (serial, mo_id, graph_version_id, state, current_node_key)
         SELECT 'MO-2026-0952-' || n, $1::uuid, $2::uuid, 'active', 'cut' FROM generate_series(1, 301) AS n RETURNING id, serial)
       INSERT INTO work_items (token_id, node_key, state, assignee_id)
       SELECT id, 'cut', CASE WHEN serial = 'MO-2026-0952-301' THEN 'in_progress' ELSE 'completed' END::work_item_state, $3::uuid FROM made
       RETURNING id, token_id, state::text`,
      [orderId, fixture.graphVersionId, userId],
    );
    const current = items.find((item) => item.state === 'in_progress');
    if (current === undefined) throw new Error('no item in progress');
    ({ id: workItemId, token_id: tokenId } = current);
    await t.db.query(
      `INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at, end_reason)
       SELECT w.id, $1::uuid, now() - n * interval '1 hour', now() - n * interval '1 hour' + interval '30 minutes', 'completed'
         FROM work_items w, generate_series(1, 10) AS n WHERE w.id <> $2::uuid`,
      [userId, workItemId],
    );
    await t.db.query(`INSERT INTO time_logs (work_item_id, user_id, started_at) VALUES ($1::uuid, $2::uuid, now())`, [
      workItemId,
      userId,
    ]);
    // Not analysed on purpose: a connection keeps the generic plan it made before statistics
    // existed (a young database, or autovacuum off). With an index per column, that plan ANDed the
    // item's and the operator's bitmaps, reading all 3,000 of the operator's logs on every close.
  }, 60_000);
  afterAll(() => t.drop());

  it("reads the item's log, not the operator's 3,000 earlier ones", async () => {
    const document = {
      guards: [{ root: tokenId, version: 0 }],
      tokenUpdates: [],
      itemUpdates: [],
      logsClosed: [{ workItemId, userId, endedAt: new Date().toISOString(), endReason: 'paused' }],
      events: [],
      idempotency: null,
    };
    const statement = persistEffectsStatement({
      itemGuards: [],
      tokenInserts: [],
      itemInserts: [],
      operatorsJoined: [],
      operatorsLeft: [],
      logsClosed: document.logsClosed,
      logsOpened: [],
      inbox: [],
      cancelledTokens: [],
      quantities: [],
      started: [],
      events: [],
      idempotency: null,
    });
    const plan = await explainPrepared(t.db, statement.text, `'${JSON.stringify(document)}'::jsonb, now()`, {
      analyze: true,
    });
    // 1: the open log found through an index (0 would mean the guard failed and nothing ran).
    expect(timeLogIndexEntriesRead(plan)).toBe(1);
  });
});
