import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductionFixture } from '../production/production-fixture.ts';
import type { TestApp } from '../test-app.ts';
import type { TestLogin } from '../testing/auth-for-tests.ts';
import { openWorkQueueApp } from '../testing/work-queue-app.ts';

/**
 * A command with an `Idempotency-Key` marks the key committed in its own transaction, so a retry
 * after a lost response (the process stopped between the commit and storing the answer) is never
 * run again: the transactional commands (`runCommand`) and the work queue's single statements alike.
 */
describe('Idempotency-Key of a command that committed', () => {
  let t: TestApp;
  let fixture: ProductionFixture;
  let manager: TestLogin;
  let ana: TestLogin;
  let bo: TestLogin;
  let keys = 0;

  beforeAll(async () => {
    const app = await openWorkQueueApp(['Ana Operator', 'Bo Operator']);
    ({ t, fixture, manager } = app);
    [ana, bo] = app.operators as [TestLogin, TestLogin];
  }, 120_000);
  afterAll(() => t.close());

  const newKey = () => `commit-${Date.now()}-${(keys += 1)}`;
  const post = (who: TestLogin, url: string, key: string, payload: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { ...who.headers, 'idempotency-key': key },
      payload,
    });

  const committed = async (key: string): Promise<boolean | undefined> => {
    const [row] = await t.db.query<{ committed: boolean }>(
      'SELECT committed_at IS NOT NULL AS committed FROM idempotency_keys WHERE key = $1',
      [key],
    );
    return row?.committed;
  };
  /** As if the process had stopped after the commit, before storing the answer (no connection of it is left). */
  const loseResponse = (key: string) =>
    t.db.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, holder = 'atelier-api/stopped-process' WHERE key = $1`,
      [key],
    );

  async function createOrder(product: string): Promise<{ key: string; id: string }> {
    const key = newKey();
    const created = await post(manager, '/manufacturing-orders', key, {
      product,
      client: 'Test client',
      quantity: 1,
      routing: fixture.graphId,
    });
    expect(created.statusCode).toBe(201);
    return { key, id: created.json().id };
  }

  it('answers a retry of a create whose answer was lost with 409 IDEMPOTENCY_RESPONSE_LOST and creates nothing more', async () => {
    const { key } = await createOrder('Lost answer tote');
    expect(await committed(key)).toBe(true);
    await loseResponse(key);
    const retry = await post(manager, '/manufacturing-orders', key, {
      product: 'Lost answer tote',
      client: 'Test client',
      quantity: 1,
      routing: fixture.graphId,
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('IDEMPOTENCY_RESPONSE_LOST');
    expect(await t.db.prisma.manufacturingOrder.count({ where: { product: 'Lost answer tote' } })).toBe(1);
  });

  it('still says "in use" while a committed request may yet store its answer', async () => {
    const { key } = await createOrder('Slow answer tote');
    await t.db.query('UPDATE idempotency_keys SET response_status = NULL, response_body = NULL WHERE key = $1', [key]);
    const retry = await post(manager, '/manufacturing-orders', key, {
      product: 'Slow answer tote',
      client: 'Test client',
      quantity: 1,
      routing: fixture.graphId,
    });
    expect(retry.json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
  });

  it('marks the key with the claim, start and completion that wrote, not with a claim that lost', async () => {
    const { id: orderId } = await createOrder('Queue tote');
    expect((await post(manager, `/manufacturing-orders/${orderId}/release`, newKey())).statusCode).toBe(200);
    const [item] = await t.db.query<{ id: string }>(
      'SELECT w.id FROM work_items w JOIN tokens t ON t.id = w.token_id WHERE t.mo_id = $1::uuid',
      [orderId],
    );
    const itemId = item?.id as string;

    const claim = newKey();
    expect((await post(ana, `/work-items/${itemId}/claim`, claim)).statusCode).toBe(200);
    expect(await committed(claim)).toBe(true);
    const lostClaim = newKey();
    expect((await post(bo, `/work-items/${itemId}/claim`, lostClaim)).statusCode).toBe(409);
    expect(await committed(lostClaim)).toBe(false);

    const start = newKey();
    expect((await post(ana, `/work-items/${itemId}/start`, start)).statusCode).toBe(200);
    expect(await committed(start)).toBe(true);

    const complete = newKey();
    expect((await post(ana, `/work-items/${itemId}/complete`, complete)).statusCode).toBe(200);
    expect(await committed(complete)).toBe(true);
    await loseResponse(complete);
    const retry = await post(ana, `/work-items/${itemId}/complete`, complete);
    expect(retry.json().code).toBe('IDEMPOTENCY_RESPONSE_LOST');
  });
});
