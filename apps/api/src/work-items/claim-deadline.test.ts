import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test-app.ts';
import type { TestLogin } from '../testing/auth-for-tests.ts';
import { openWorkQueueApp, postAs, releaseFixtureOrder, type WorkQueueApp } from '../testing/work-queue-app.ts';

/**
 * The claim deadline as the work-item commands write it (the domain's `workItemClaimDeadline`):
 * counted from the claim with the node's `claimTimeoutMinutes` (`cut`: 10) or 30 minutes (`body`),
 * kept while the item stays assigned (a colleague joining does not extend it), gone once started.
 */
describe('claim deadlines', () => {
  let app: WorkQueueApp;
  let t: TestApp;
  let ana: TestLogin;
  let bo: TestLogin;

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana Operator', 'Bo Operator']);
    t = app.t;
    [ana, bo] = app.operators as [TestLogin, TestLogin];
  }, 120_000);
  afterAll(() => t.close());

  const command = async (who: TestLogin, id: string, name: string) =>
    expect((await postAs(t, who, `/work-items/${id}/${name}`, {})).statusCode, name).toBe(200);
  /** The row's deadline and minutes from its last change to it. */
  async function deadlineOf(id: string): Promise<{ deadline: Date | null; minutes: number | null }> {
    const [row] = await t.db.query<{ deadline: Date | null; minutes: number | null }>(
      `SELECT claim_deadline AS deadline, (EXTRACT(EPOCH FROM claim_deadline - updated_at) / 60)::float8 AS minutes FROM work_items WHERE id = $1::uuid`,
      [id],
    );
    if (row === undefined) throw new Error(`no work item ${id}`);
    return row;
  }

  it("counts the node's timeout from the claim, keeps it when a colleague joins, and clears it on the start", async () => {
    const { orderId, items } = await releaseFixtureOrder(app, 'MO-2026-7900', 1);
    const cut = items[0] as string;
    await command(ana, cut, 'claim');
    expect((await deadlineOf(cut)).minutes).toBe(10);
    await command(ana, cut, 'start');
    expect((await deadlineOf(cut)).deadline).toBeNull();
    await command(ana, cut, 'complete');

    const [body] = await t.db.query<{ id: string }>(
      `SELECT w.id FROM work_items w JOIN tokens t ON t.id = w.token_id
        WHERE t.parent_id IN (SELECT id FROM tokens WHERE mo_id = $1::uuid) AND w.node_key = 'body'`,
      [orderId],
    );
    const id = body?.id as string;
    await command(ana, id, 'claim');
    const claimed = await deadlineOf(id);
    expect(claimed.minutes).toBe(30);
    await command(bo, id, 'join');
    expect((await deadlineOf(id)).deadline).toEqual(claimed.deadline);
    await command(ana, id, 'start');
    expect((await deadlineOf(id)).deadline).toBeNull();
  });
});
