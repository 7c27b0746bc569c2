import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../app.ts';
import type { QueryOptions } from '../../../../db/database.ts';
import { loadEnv } from '../../../../env.ts';
import type { TestLogin } from '../../../../testing/auth-for-tests.ts';
import { openWorkQueueApp, releaseFixtureOrder, type WorkQueueApp } from '../../../../testing/work-queue-app.ts';

/**
 * A start right after its claim begins from the item as the claim left it, without reading it
 * again; a copy made stale by another process (a replica) never writes: the start is decided
 * again from the item as read.
 */
describe('a start from the remembered claim', () => {
  let app: WorkQueueApp;
  /** A second app on the same database: another replica, with its own memory. */
  let replica: FastifyInstance;
  let ana: TestLogin;
  let bo: TestLogin;
  let orders = 0;
  const statementNames: string[] = [];

  beforeAll(async () => {
    app = await openWorkQueueApp(['Ana Operator', 'Bo Operator']);
    [ana, bo] = app.operators as [TestLogin, TestLogin];
    replica = await buildApp({ db: app.t.db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    await replica.ready();
    // Every statement the apps send, by prepared name.
    const query = app.t.db.query.bind(app.t.db);
    Object.assign(app.t.db, {
      query: (text: string, params?: unknown[], options?: QueryOptions) => {
        if (options?.name !== undefined) statementNames.push(options.name);
        return query(text, params, options);
      },
    });
  }, 120_000);
  afterAll(async () => {
    await replica.close();
    await app.t.close();
  });

  const post = (on: FastifyInstance, who: TestLogin, url: string, payload: unknown = {}) =>
    on.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.headers, payload: payload as object });
  const release = async () =>
    (await releaseFixtureOrder(app, `MO-2026-${String(7400 + ++orders)}`, 1)).items[0] as string;

  it('starts without reading the item again', async () => {
    const id = await release();
    expect((await post(app.t.app, ana, `/work-items/${id}/claim`)).statusCode).toBe(200);
    statementNames.length = 0;
    const started = await post(app.t.app, ana, `/work-items/${id}/start`);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ state: 'in_progress', version: 2 });
    expect(statementNames.filter((name) => name === 'load-work-item')).toEqual([]);
  });

  it('refuses a start from a copy another replica made stale, and writes nothing', async () => {
    const id = await release();
    expect((await post(app.t.app, ana, `/work-items/${id}/claim`)).statusCode).toBe(200);
    // Meanwhile, through the replica: Ana gives the item back and Bo takes it.
    expect((await post(replica, ana, `/work-items/${id}/requeue`)).statusCode).toBe(200);
    expect((await post(replica, bo, `/work-items/${id}/claim`)).statusCode).toBe(200);

    statementNames.length = 0;
    const refused = await post(app.t.app, ana, `/work-items/${id}/start`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_HOLDER');
    // Decided again from the item as read.
    expect(statementNames).toContain('load-work-item');
    const [row] = await app.t.db.query<{ state: string; assignee_id: string; version: number }>(
      'SELECT state::text, assignee_id, version FROM work_items WHERE id = $1::uuid',
      [id],
    );
    expect(row).toEqual({ state: 'assigned', assignee_id: bo.userId, version: 3 });
    expect((await post(app.t.app, bo, `/work-items/${id}/start`)).statusCode).toBe(200);
  });
});
