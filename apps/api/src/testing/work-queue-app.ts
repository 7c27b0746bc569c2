import { expect } from 'vitest';
import {
  insertFixtureOrder,
  insertProductionFixture,
  type ProductionFixture,
} from '../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../test-app.ts';
import { loginAs, type TestLogin } from './auth-for-tests.ts';

/** A test app with the production fixture routing, a manager and operators signed in: the work-queue tests' start. */
export interface WorkQueueApp {
  readonly t: TestApp;
  readonly fixture: ProductionFixture;
  readonly manager: TestLogin;
  /** Signed-in operators, in the order their names were given. */
  readonly operators: readonly TestLogin[];
}

/** Opens a {@link WorkQueueApp} with one operator per display name. */
export async function openWorkQueueApp(operatorNames: readonly string[]): Promise<WorkQueueApp> {
  const t = await buildTestApp();
  const fixture = await insertProductionFixture(t.db);
  const manager = await loginAs(t.db, 'manager');
  const operators = [];
  for (const displayName of operatorNames) operators.push(await loginAs(t.db, 'operator', { displayName }));
  return { t, fixture, manager, operators };
}

/** `POST /api/v1<url>` as `who` (signed out when undefined), with an optional JSON body and extra headers. */
export function postAs(
  t: TestApp,
  who: TestLogin | undefined,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...who?.headers, ...headers },
    ...(payload !== undefined && { payload: payload as object }),
  });
}

/**
 * Inserts a fixture order of `quantity` pieces and releases it through the API as the manager;
 * returns its id and its first work items (at `cut`) and tokens, in serial order.
 */
export async function releaseFixtureOrder(
  app: WorkQueueApp,
  code: string,
  quantity: number,
): Promise<{ orderId: string; items: string[]; tokens: string[] }> {
  const orderId = await insertFixtureOrder(app.t.db, app.fixture, code, quantity);
  const released = await postAs(app.t, app.manager, `/manufacturing-orders/${orderId}/release`, {});
  expect(released.statusCode).toBe(200);
  const rows = await app.t.db.query<{ id: string; token_id: string }>(
    `SELECT w.id, w.token_id FROM work_items w JOIN tokens t ON t.id = w.token_id WHERE t.mo_id = $1::uuid ORDER BY t.serial`,
    [orderId],
  );
  return { orderId, items: rows.map((row) => row.id), tokens: rows.map((row) => row.token_id) };
}
