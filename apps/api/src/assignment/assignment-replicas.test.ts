import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { insertProductionFixture } from '../production/production-fixture.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';
import { releaseFixtureOrder, type WorkQueueApp } from '../testing/work-queue-app.ts';
import { countEvents, createNodeRule } from './assignment-test-app.ts';

const TICK_MS = 40;

async function startReplica(db: Database): Promise<FastifyInstance> {
  const app = await buildApp({
    db,
    env: loadEnv({
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist'),
      ASSIGNMENT_TICK_MS: String(TICK_MS),
    }),
  });
  await app.ready();
  return app;
}

/**
 * Two app instances running the engine's timer against one database (two pools on PostgreSQL; on
 * PGlite the one in-process handle): every ready item of an auto node is assigned exactly once
 * (counted in events), and closing one instance in the middle leaves nothing undone.
 */
describe(`two instances running assignment timers on one ${usingPostgres() ? 'PostgreSQL' : 'PGlite'} database`, () => {
  let testDb: TestDatabase;
  let first: FastifyInstance;
  let second: FastifyInstance;
  let secondDb: Database;
  let queue: WorkQueueApp;
  let orders = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    secondDb = testDb.databaseUrl ? await openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: '' }) : testDb.db;
    const fixture = await insertProductionFixture(testDb.db);
    const manager = await loginAs(testDb.db, 'manager');
    const operators = [];
    for (const name of ['Ana', 'Ben', 'Chai'])
      operators.push(await loginAs(testDb.db, 'operator', { displayName: name }));
    first = await startReplica(testDb.db);
    second = await startReplica(secondDb);
    queue = { t: { app: first, db: testDb.db, close: async () => undefined }, fixture, manager, operators };
    await createNodeRule(queue, 'cut', { policy: 'auto' });
  }, 120_000);
  afterAll(async () => {
    await first.close();
    await second.close();
    if (secondDb !== testDb.db) await secondDb.close();
    await testDb.drop();
  });

  const release = async (quantity: number) =>
    (await releaseFixtureOrder(queue, `MO-2026-${String(5000 + ++orders)}`, quantity)).items;

  /** Waits (generously: the machine is shared) until no item of `ids` is ready. */
  async function untilAssigned(ids: readonly string[]): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await testDb.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM work_items WHERE id = ANY($1::uuid[]) AND state = 'ready'`,
        [ids],
      );
      if (row?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${row?.n} items still ready after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  }

  it('assigns every item exactly once while both run', async () => {
    const items = await release(24);
    await untilAssigned(items);
    for (const item of items) expect(await countEvents(queue, 'work_item.assigned', item)).toBe(1);
    for (const item of items) expect(await countEvents(queue, 'work_item.claimed', item)).toBe(1);
  }, 90_000);

  it('skips nothing when one instance is closed in the middle', async () => {
    const items = await release(24);
    await first.close();
    await untilAssigned(items);
    for (const item of items) expect(await countEvents(queue, 'work_item.assigned', item)).toBe(1);
    const [loads] = await testDb.db.query<{ spread: number }>(
      `SELECT max(n) - min(n) AS spread FROM (SELECT count(*) AS n FROM work_items WHERE state = 'assigned' GROUP BY assignee_id) c`,
    );
    // 48 items of 12 minutes over three operators: balanced within one item.
    expect(Number(loads?.spread)).toBeLessThanOrEqual(1);
  }, 90_000);
});
