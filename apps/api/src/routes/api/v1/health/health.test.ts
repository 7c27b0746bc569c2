import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../../app.ts';
import type { Database } from '../../../../db/database.ts';
import { loadEnv } from '../../../../env.ts';
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from '../../../../db/migrator.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { usingPostgres } from '../../../../testing/test-database.ts';
import packageJson from '../../../../../package.json' with { type: 'json' };

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('reports the database kind, the applied migrations and the version', async () => {
    const migrations = readMigrations(DEFAULT_MIGRATIONS_DIR);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: usingPostgres() ? 'postgresql' : 'pglite',
      migrations: { applied: migrations.length, latest: migrations.at(-1)?.name },
      version: packageJson.version,
    });
  });

  it('answers 503 DATABASE_UNAVAILABLE when the database stops answering', async () => {
    let down = false;
    const flaky: Database = {
      ...t.db,
      query: (sql, params) =>
        down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : t.db.query(sql, params),
    };
    const app = await buildApp({ db: flaky, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    try {
      await app.ready();
      down = true;
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        detail: expect.stringContaining('ECONNREFUSED'),
      });
    } finally {
      await app.close();
    }
  });
});
