import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { loadEnv } from '../env.ts';
import { loginAs, type TestLogin } from '../testing/auth-for-tests.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { HttpProblem } from './http-problem.ts';

/** A gate a test opens to let a held request finish. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('Idempotency-Key', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let manager: TestLogin;
  let runs = 0;
  let hold: ReturnType<typeof gate> | null = null;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    const body = z.object({ pieces: z.number().int(), note: z.string().optional() });
    app
      .withTypeProvider<ZodTypeProvider>()
      .post('/api/v1/probe/commands', { config: { roles: ['manager'] }, schema: { body } }, async (request, reply) => {
        runs += 1;
        const run = runs;
        await hold?.opened;
        return reply.code(201).send({ run, pieces: request.body.pieces });
      });
    app.post('/api/v1/probe/refusals', { config: { roles: ['manager'] } }, () => {
      runs += 1;
      throw new HttpProblem(409, 'NOT_CLAIMABLE', 'Someone else holds it.');
    });
    app.post('/api/v1/probe/crashes', { config: { roles: ['manager'] } }, () => {
      runs += 1;
      throw new Error('database went away');
    });
    app.post('/api/v1/probe/secrets', { config: { roles: ['manager'], idempotency: false } }, () => {
      runs += 1;
      return { secret: runs };
    });
    await app.ready();
    manager = await loginAs(db, 'manager');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  let keyCounter = 0;
  const newKey = () => `key-${Date.now()}-${(keyCounter += 1)}`;
  const post = (
    url: string,
    key: string | undefined,
    payload: object = { pieces: 3 },
    headers: Record<string, string> = manager.headers,
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/probe/${url}`,
      payload,
      headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    });

  it('replays the first response to a repeat with the same key and body, without running the command again', async () => {
    const key = newKey();
    const first = await post('commands', key);
    const before = runs;
    const second = await post('commands', key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(runs).toBe(before);
  });

  it('treats the same body with its fields in another order as the same request', async () => {
    const key = newKey();
    const first = await post('commands', key, { pieces: 2, note: 'rush' });
    const second = await post('commands', key, { note: 'rush', pieces: 2 });
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('refuses the same key with another body or on another route with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = newKey();
    await post('commands', key, { pieces: 1 });
    const before = runs;
    for (const response of [await post('commands', key, { pieces: 2 }), await post('refusals', key, { pieces: 1 })]) {
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    expect(runs).toBe(before);
  });

  it('answers a concurrent duplicate with 409 IDEMPOTENCY_KEY_IN_USE while the first runs, then replays it', async () => {
    const key = newKey();
    hold = gate();
    try {
      const first = post('commands', key);
      // The key row is written before the handler runs: wait until the first request holds it.
      for (let i = 0; i < 200; i += 1) {
        const rows = await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1 AND response_status IS NULL', [key]);
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const before = runs;
      const duplicates = await Promise.all([post('commands', key), post('commands', key)]);
      for (const duplicate of duplicates) {
        expect(duplicate.statusCode).toBe(409);
        expect(duplicate.json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
      }
      expect(runs).toBe(before);
      hold.open();
      const done = await first;
      expect(done.statusCode).toBe(201);
      const replay = await post('commands', key);
      expect(replay.headers['idempotency-replayed']).toBe('true');
      expect(replay.body).toBe(done.body);
    } finally {
      hold.open();
      hold = null;
    }
  });

  it('runs exactly one of many simultaneous first requests with one key', async () => {
    const key = newKey();
    const before = runs;
    const responses = await Promise.all(Array.from({ length: 10 }, () => post('commands', key)));
    expect(runs - before).toBe(1);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const runsSeen = new Set(responses.filter((r) => r.statusCode === 201).map((r) => r.json().run));
    expect(runsSeen.size).toBe(1);
  });

  it('stores a 4xx answer like any other and replays it', async () => {
    const key = newKey();
    const first = await post('refusals', key);
    const before = runs;
    const second = await post('refusals', key);
    expect(first.statusCode).toBe(409);
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(second.body).toBe(first.body);
    expect(runs).toBe(before);
  });

  it('releases the key after a 5xx so that the command can be retried', async () => {
    const key = newKey();
    const before = runs;
    expect((await post('crashes', key)).statusCode).toBe(500);
    expect((await post('crashes', key)).statusCode).toBe(500);
    expect(runs - before).toBe(2);
    expect(await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toHaveLength(0);
  });

  it('scopes keys to the caller: another user with the same key runs their own command', async () => {
    const key = newKey();
    const other = await loginAs(db, 'manager');
    const mine = await post('commands', key);
    const theirs = await post('commands', key, { pieces: 3 }, other.headers);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.json().run).not.toBe(mine.json().run);
  });

  it('takes over a pending key whose holding process has no connection left (it died before committing)', async () => {
    const key = newKey();
    await post('commands', key);
    await db.query(
      `UPDATE idempotency_keys SET response_status = NULL, holder = 'atelier-api/stopped-process' WHERE key = $1`,
      [key],
    );
    const retry = await post('commands', key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBeUndefined();
  });

  it('runs every request without a key, and routes that opt out even with one', async () => {
    const before = runs;
    await post('commands', undefined);
    await post('commands', undefined);
    const key = newKey();
    await post('secrets', key);
    await post('secrets', key);
    expect(runs - before).toBe(4);
    expect(await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toHaveLength(0);
  });

  it.each([
    ['a key with spaces', 'two words'],
    ['a key over 255 characters', 'k'.repeat(256)],
  ])('refuses %s with 400', async (_case, key) => {
    const response = await post('commands', key);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});

describe('Idempotency-Key in OpenAPI', () => {
  it('is documented on POST commands with its 409 and 422 answers, not on public or exempt routes', async () => {
    const { db, drop } = await createTestDatabase();
    const app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    try {
      await app.ready();
      const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      const revoke = document.paths['/api/v1/api-keys/{id}/revoke'].post;
      expect(revoke.parameters).toContainEqual(
        expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false }),
      );
      expect(revoke.responses).toHaveProperty('409');
      expect(revoke.responses).toHaveProperty('422');
      const headerNames = (operation: { parameters?: { in: string; name: string }[] }) =>
        (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect(headerNames(document.paths['/api/v1/auth/login'].post)).not.toContain('idempotency-key');
      expect(headerNames(document.paths['/api/v1/api-keys'].post)).not.toContain('idempotency-key');
    } finally {
      await app.close();
      await drop();
    }
  });
});
