import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('answers 503 DATABASE_UNAVAILABLE once the database is gone', async () => {
    const broken = await buildTestApp();
    await broken.db.close();
    const response = await broken.app.inject({ method: 'GET', url: '/api/v1/health' });
    await broken.close();
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe('DATABASE_UNAVAILABLE');
  }, 60_000);
});
