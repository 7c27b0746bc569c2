import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { generateApiKey } from '../auth/api-key-token.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { loadEnv } from '../env.ts';
import { insertProductionFixture } from '../production/production-fixture.ts';
import { STATION_TOKEN_HEADER } from '../stations/station-token.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { startTcpRelay, type TcpRelay } from '../testing/tcp-relay.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database.ts';

/**
 * A real outage: on PostgreSQL the app reaches the server through a TCP relay the test cuts
 * (open connections reset, new ones refused) and restores; on PGlite the database is closed.
 */
describe('while the database is unreachable', () => {
  let scratch: TestDatabase;
  let relay: TcpRelay | undefined;
  let db: Database;
  let app: FastifyInstance;
  let manager: { cookie: string };
  const order = { product: 'Tote', client: 'Maison Verel', quantity: 1, dueDate: '2026-12-15', routing: 'PROD-01' };

  beforeAll(async () => {
    scratch = await createTestDatabase();
    if (scratch.databaseUrl === undefined) {
      db = scratch.db;
    } else {
      const url = new URL(scratch.databaseUrl);
      relay = await startTcpRelay(url.hostname, Number(url.port || 5432));
      url.host = `127.0.0.1:${relay.port}`;
      db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 2, connectRetryMs: 5_000 });
    }
    app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    await app.ready();
    await insertProductionFixture(scratch.db);
    ({ headers: manager } = await loginAs(scratch.db, 'manager'));
  }, 60_000);
  afterAll(async () => {
    await relay?.restore().catch(() => undefined);
    await app.close().catch(() => undefined);
    if (db !== scratch.db) await db.close();
    await relay?.close();
    await scratch.drop();
  });

  const requests: [string, InjectOptions][] = [
    ['a list', { method: 'GET', url: '/api/v1/manufacturing-orders', headers: {} }],
    [
      'a command with an Idempotency-Key',
      {
        method: 'POST',
        url: '/api/v1/manufacturing-orders',
        headers: { 'idempotency-key': 'outage-1' },
        payload: order,
      },
    ],
    [
      'sign-in',
      { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'manager', password: 'atelier-manager' } },
    ],
    // A paired tablet's token: checking it needs the database.
    [
      'station sign-in',
      {
        method: 'POST',
        url: '/api/v1/auth/pin',
        headers: { [STATION_TOKEN_HEADER]: 'a-paired-tablet-token' },
        payload: { badgeId: 'B-1101', pin: '1101' },
      },
    ],
    [
      'an API key',
      {
        method: 'GET',
        url: '/api/v1/manufacturing-orders',
        headers: { authorization: `Bearer ${generateApiKey().token}` },
      },
    ],
    ['health', { method: 'GET', url: '/api/v1/health' }],
  ];
  const signedIn = (options: InjectOptions): InjectOptions =>
    options.headers === undefined ? options : { ...options, headers: { ...manager, ...options.headers } };

  it('serves before the outage', async () => {
    expect((await app.inject(signedIn(requests[0]![1]))).statusCode).toBe(200);
  });

  it.each(requests)('answers %s with 503 DATABASE_UNAVAILABLE and Retry-After', async (_case, options) => {
    if (relay) await relay.cut();
    else await db.close();
    const response = await app.inject(signedIn(options));
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });

  it.skipIf(!usingPostgres())(
    'answers again once the database is back, and a command refused during the outage runs on retry',
    async () => {
      await relay?.restore();
      expect((await app.inject(signedIn(requests[0]![1]))).statusCode).toBe(200);
      const retried = await app.inject(signedIn(requests[1]![1]));
      expect(retried.statusCode).toBe(201);
      expect(retried.headers['idempotency-replayed']).toBeUndefined();
    },
  );
});
