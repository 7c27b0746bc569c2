import { randomUUID } from 'node:crypto';
import { applyWorkItemCommand, releasePiece, type Effects, type WorkItem } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { persistEffects } from './persist-effects.ts';
import { loadPieceForUpdate, type OrderRef } from './piece-store.ts';
import { insertFixtureOrder, insertProductionFixture, type ProductionFixture } from './production-fixture.ts';

// A released order goes in progress when work on one of its pieces starts, not when it is claimed
// (the domain's `orderStarts`): the same through the piece store as through the work-item commands.
describe('a released order through the piece store', () => {
  let t: TestDatabase;
  let fixture: ProductionFixture;

  beforeAll(async () => {
    t = await createTestDatabase();
    fixture = await insertProductionFixture(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it('stays released on a claim and goes in progress, with one order.started, on the start', async () => {
    const code = 'MO-2026-0970';
    const orderId = await insertFixtureOrder(t.db, fixture, code, 1);
    await t.db.query(`UPDATE manufacturing_orders SET status = 'released' WHERE id = $1::uuid`, [orderId]);
    const [operator] = await t.db.query<{ id: string }>(
      `INSERT INTO users (username, display_name, roles) VALUES ('ana', 'Ana', '{operator}') RETURNING id`,
    );
    const operatorId = operator?.id as string;
    const order: OrderRef = { id: orderId, kind: 'manufacturingOrder', code, priority: 3, status: 'released' };
    const now = new Date('2026-11-24T08:00:00Z');
    const tokenId = randomUUID();
    const released = releasePiece(fixture.graph, {
      tokenId,
      serial: `${code}-001`,
      orderId,
      attributes: {},
      now,
      newId: randomUUID,
    });
    const placeNewPiece = () => ({ order, version: fixture });
    expect((await persistEffects(t.db, released, { actor: 'user:test', now, pieces: [], placeNewPiece })).written).toBe(
      true,
    );

    const give = async (type: 'claim' | 'start') => {
      const written = await t.db.transaction(async (tx) => {
        const loaded = await loadPieceForUpdate(tx, tokenId);
        const decision = applyWorkItemCommand(loaded.piece.workItems[0] as WorkItem, { type, operatorId, now });
        if (!decision.ok) throw new Error(decision.code);
        const effects: Effects = {
          tokens: { insert: [], update: [] },
          workItems: { insert: [], update: [decision.next] },
          events: decision.events,
          inbox: [],
          orders: [],
        };
        return (await persistEffects(tx, effects, { actor: 'user:test', now, pieces: [loaded] })).written;
      });
      expect(written).toBe(true);
      const [row] = await t.db.query<{ status: string }>(
        'SELECT status::text FROM manufacturing_orders WHERE id = $1::uuid',
        [orderId],
      );
      return row?.status;
    };
    expect(await give('claim')).toBe('released');
    expect(await give('start')).toBe('in_progress');
    const started = await t.db.query("SELECT 1 FROM events WHERE order_id = $1::uuid AND type = 'order.started'", [
      orderId,
    ]);
    expect(started).toHaveLength(1);
  });
});
