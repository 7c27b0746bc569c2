import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { insertFixtureOrder, insertProductionFixture } from './production-fixture.ts';
import { startSettleSweep } from './settle-sweep.ts';

describe('settle sweep', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 60_000);
  afterAll(() => t.drop());

  it('closes, within an interval, an order that finished while nobody settled it, and stops when told', async () => {
    const fixture = await insertProductionFixture(t.db);
    // In progress, with nothing left to make (its last piece cancelled for good) and never settled.
    const id = await insertFixtureOrder(t.db, fixture, 'MO-2026-0960', 0);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'in_progress' WHERE id = $1::uuid`, [id]);
    const status = async () => (await t.db.prisma.manufacturingOrder.findUniqueOrThrow({ where: { id } })).status;
    const messages: string[] = [];
    const sweep = startSettleSweep(
      t.db,
      { info: (message) => messages.push(message), warn: (message) => messages.push(message) },
      20,
    );
    try {
      await expect.poll(status, { timeout: 5_000, interval: 20 }).toBe('cancelled');
    } finally {
      await sweep.stop();
    }
    expect(messages).toContain('closed 1 finished order(s) nobody had settled');
    const events = await t.db.prisma.event.findMany({ where: { orderId: id, type: { startsWith: 'order.' } } });
    expect(events.map((event) => event.type)).toEqual(['order.cancelled']);
  });
});
