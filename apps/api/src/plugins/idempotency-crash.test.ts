import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import {
  insertFixtureOrder,
  insertProductionFixture,
  type ProductionFixture,
} from '../production/production-fixture.ts';
import type { TestApp } from '../test-app.ts';
import { loginAs, type TestLogin } from '../testing/auth-for-tests.ts';
import { heldTransaction } from '../testing/held-transaction.ts';
import { readyUrl, startServer, type ServerProcess } from '../testing/server-process.ts';
import { usingPostgres } from '../testing/test-database.ts';
import { openWorkQueueApp, postAs } from '../testing/work-queue-app.ts';

/**
 * A retry with the same `Idempotency-Key` after the process serving the first request died: a key
 * whose command never committed is free at once (the retry runs it), a committed one is never run
 * again (409 IDEMPOTENCY_RESPONSE_LOST at once, not after minutes of "in use").
 */

/** One of the ports this test may listen on. */
const CHILD_PORT = 3131;
const TIMEOUT = 180_000;

/** Retries `attempt` while it answers 409 IDEMPOTENCY_KEY_IN_USE (the dead holder's last statement may still be finishing), for up to 10 s. */
async function retryWhileInUse(attempt: () => Promise<{ statusCode: number; json: () => { code?: string } }>) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await attempt();
    if (response.statusCode !== 409 || response.json().code !== 'IDEMPOTENCY_KEY_IN_USE' || Date.now() > deadline)
      return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(usingPostgres())('Idempotency-Key after the serving process was killed (PostgreSQL)', () => {
  let t: TestApp;
  let fixture: ProductionFixture;
  let manager: TestLogin;
  let operator: TestLogin;
  let databaseUrl: string;
  let child: ServerProcess | undefined;

  beforeAll(async () => {
    ({ t, fixture, manager, operators: [operator = manager] = [] } = await openWorkQueueApp(['Ana Operator']));
    const [row] = await t.db.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${row?.name ?? ''}`;
    databaseUrl = url.toString();
  }, TIMEOUT);
  afterAll(async () => {
    await killChild();
    await t?.close();
  });

  /** The other process: the real server, on the same scratch database. */
  async function startChild(): Promise<void> {
    child = startServer({ DATABASE_URL: databaseUrl, PORT: String(CHILD_PORT), WORKERS: '1', LOG_REQUESTS: 'false' });
    await readyUrl(child);
  }
  /** SIGKILL: no hook of the server runs, nothing is cleaned up. */
  async function killChild(): Promise<void> {
    child?.child.kill('SIGKILL');
    await child?.exited;
    child = undefined;
  }

  /** Sends a command to the other server without waiting for its answer (it never comes: the server is killed). */
  const sendToChild = (who: TestLogin, url: string, key: string) =>
    fetch(`http://127.0.0.1:${CHILD_PORT}/api/v1${url}`, {
      method: 'POST',
      headers: { ...who.headers, 'idempotency-key': key, 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);

  /** Waits until a statement of another connection waits for a lock that `holderPid` holds. */
  async function untilBlockedBy(holderPid: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))',
        [holderPid],
      );
      if ((row?.n ?? 0) > 0) return;
      if (Date.now() > deadline) throw new Error('the other server never reached the locked row');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Starts the other server, sends it a command, and kills it while that command waits for a row
   * this test locks (`lockSql`); returns the lock, still held.
   */
  async function killWhileBlocked(lockSql: string, lockParams: unknown[], send: () => Promise<unknown>) {
    await startChild();
    const lock = heldTransaction(t.db);
    const pid = await lock.run(async (tx) => {
      await tx.query(lockSql, lockParams);
      const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return row?.pid ?? 0;
    });
    const answer = send();
    try {
      await untilBlockedBy(pid);
    } finally {
      await killChild();
    }
    await answer;
    return lock;
  }

  it(
    'runs a retry of a command whose process died before it committed, at once',
    async () => {
      const orderId = await insertFixtureOrder(t.db, fixture, 'CRASH-1', 1);
      const key = `release-${orderId}`;
      const release = () =>
        postAs(t, manager, `/manufacturing-orders/${orderId}/release`, {}, { 'idempotency-key': key });
      const lock = await killWhileBlocked(
        'SELECT 1 FROM manufacturing_orders WHERE id = $1::uuid FOR UPDATE',
        [orderId],
        () => sendToChild(manager, `/manufacturing-orders/${orderId}/release`, key),
      );
      try {
        // Its release still waits in the database: until that statement ends it could yet commit.
        expect((await release()).json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
      } finally {
        await lock.commit();
      }
      // The dead process never sent COMMIT: its transaction rolls back and the key is free.
      const retry = await retryWhileInUse(release);
      expect(retry.statusCode).toBe(200);
      expect(await t.db.query('SELECT 1 FROM tokens WHERE mo_id = $1::uuid', [orderId])).toHaveLength(1);
      expect((await release()).headers['idempotency-replayed']).toBe('true');
    },
    TIMEOUT,
  );

  it(
    'never runs again a claim that committed in the process that died, and says so at once',
    async () => {
      const orderId = await insertFixtureOrder(t.db, fixture, 'CRASH-2', 1);
      expect((await postAs(t, manager, `/manufacturing-orders/${orderId}/release`, {})).statusCode).toBe(200);
      const [item] = await t.db.query<{ id: string }>(
        'SELECT w.id FROM work_items w JOIN tokens k ON k.id = w.token_id WHERE k.mo_id = $1::uuid',
        [orderId],
      );
      const itemId = item?.id ?? '';
      const key = `claim-${itemId}`;
      const lock = await killWhileBlocked('SELECT 1 FROM work_items WHERE id = $1::uuid FOR UPDATE', [itemId], () =>
        sendToChild(operator, `/work-items/${itemId}/claim`, key),
      );
      await lock.commit();
      // The claim was one statement, already sent: it commits although its process is gone.
      const retry = await retryWhileInUse(() =>
        postAs(t, operator, `/work-items/${itemId}/claim`, {}, { 'idempotency-key': key }),
      );
      expect(retry.statusCode).toBe(409);
      expect(retry.json().code).toBe('IDEMPOTENCY_RESPONSE_LOST');
      const [claimed] = await t.db.query<{ state: string; assignee: string; n: number }>(
        `SELECT w.state::text AS state, w.assignee_id::text AS assignee, (SELECT count(*)::int FROM events e WHERE e.work_item_id = w.id AND e.type = 'work_item.claimed') AS n FROM work_items w WHERE w.id = $1::uuid`,
        [itemId],
      );
      expect(claimed).toEqual({ state: 'assigned', assignee: operator.userId, n: 1 });
    },
    TIMEOUT,
  );
});

describe.runIf(!usingPostgres())('Idempotency-Key after the owning process restarted (PGlite)', () => {
  const env = loadEnv({ LOG_LEVEL: 'silent', WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist') });
  let dataDir = '';
  let db: Database | undefined;
  let app: TestApp['app'] | undefined;

  /** Opens the data folder and the app on it, as a server start does. */
  async function start(): Promise<TestApp> {
    db = await openDatabase({ dataDir });
    await migrate(db);
    app = await buildApp({ db, env });
    await app.ready();
    return { app, db, close: stop };
  }
  async function stop(): Promise<void> {
    await app?.close();
    await db?.close();
    app = undefined;
    db = undefined;
  }
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'atelier-idempotency-'));
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'frees the keys a previous process left running and answers a committed one as lost',
    async () => {
      let t = await start();
      const fixture = await insertProductionFixture(t.db);
      const manager = await loginAs(t.db, 'manager');
      const create = { product: 'Restart tote', client: 'Test client', quantity: 1, routing: fixture.graphId };
      const created = await postAs(t, manager, '/manufacturing-orders', create, { 'idempotency-key': 'create-1' });
      expect(created.statusCode).toBe(201);
      // As a process that died mid-command leaves its keys: this one's command never committed (its
      // order rolled back), the other committed but its answer was never stored.
      await t.db.query(`DELETE FROM manufacturing_orders WHERE id = $1::uuid`, [created.json().id]);
      await t.db.query(
        `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, committed_at = NULL WHERE key = 'create-1'`,
      );
      const orderId = await insertFixtureOrder(t.db, fixture, 'RESTART-2', 1);
      expect(
        (await postAs(t, manager, `/manufacturing-orders/${orderId}/release`, {}, { 'idempotency-key': 'release-2' }))
          .statusCode,
      ).toBe(200);
      await t.db.query(
        `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL WHERE key = 'release-2'`,
      );
      // While this process runs, both still count as in flight.
      expect(
        (await postAs(t, manager, '/manufacturing-orders', create, { 'idempotency-key': 'create-1' })).json().code,
      ).toBe('IDEMPOTENCY_KEY_IN_USE');
      await stop();

      t = await start();
      const retried = await postAs(t, manager, '/manufacturing-orders', create, { 'idempotency-key': 'create-1' });
      expect(retried.statusCode).toBe(201);
      expect(await t.db.prisma.manufacturingOrder.count({ where: { product: 'Restart tote' } })).toBe(1);
      const lost = await postAs(
        t,
        manager,
        `/manufacturing-orders/${orderId}/release`,
        {},
        { 'idempotency-key': 'release-2' },
      );
      expect(lost.statusCode).toBe(409);
      expect(lost.json().code).toBe('IDEMPOTENCY_RESPONSE_LOST');
    },
    TIMEOUT,
  );
});
