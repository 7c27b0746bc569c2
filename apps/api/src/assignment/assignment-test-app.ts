import { expect } from 'vitest';
import type { TestLogin } from '../testing/auth-for-tests.ts';
import { postAs, type WorkQueueApp } from '../testing/work-queue-app.ts';

/** Test support: creates an assignment rule for a node of the fixture routing as the manager; returns its id. */
export async function createNodeRule(
  app: WorkQueueApp,
  nodeKey: string,
  settings: Record<string, unknown>,
): Promise<string> {
  const created = await postAs(app.t, app.manager, '/assignment-rules', { graph: 'PROD-01', nodeKey, ...settings });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/** Who holds each work item now (null: nobody), in the order of `ids`. */
export async function holders(app: WorkQueueApp, ids: readonly string[]): Promise<(string | null)[]> {
  const rows = await app.t.db.query<{ id: string; assigneeId: string | null }>(
    `SELECT id, assignee_id AS "assigneeId" FROM work_items WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return ids.map((id) => rows.find((row) => row.id === id)?.assigneeId ?? null);
}

/** How many events of `type` exist about work item `id` (all items when omitted). */
export async function countEvents(app: WorkQueueApp, type: string, id?: string): Promise<number> {
  const [row] = await app.t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE type = $1 AND ($2::uuid IS NULL OR work_item_id = $2::uuid)`,
    [type, id ?? null],
  );
  return row?.n ?? 0;
}

/** Marks an operator present or absent as the manager. */
export async function setPresent(app: WorkQueueApp, who: TestLogin, present: boolean, reason?: string) {
  return app.t.app.inject({
    method: 'PUT',
    url: `/api/v1/users/${who.userId}/attendance`,
    headers: app.manager.headers,
    payload: { present, ...(reason !== undefined && { reason }) },
  });
}
