import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { generateApiKey } from '../auth/api-key-token.ts';
import type { Role } from '../auth/roles.ts';
import { hashSecret } from '../auth/secret-token.ts';
import type { Database } from '../db/database.ts';
import { loadEnv } from '../env.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { createTestDatabase } from '../testing/test-database.ts';

/** The app with two extra routes whose access rules the tests exercise. */
async function appWithProbeRoutes(db: Database): Promise<FastifyInstance> {
  const app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
  app.get('/api/v1/probe/admin-only', { config: { roles: ['admin'] } }, (request) => ({ actor: request.actor }));
  app.get('/api/v1/probe/integrators', { config: { roles: ['integrator', 'manager'] } }, (request) => ({
    actor: request.actor,
  }));
  app.post('/api/v1/probe/admin-only', { config: { roles: ['admin'] } }, () => ({ done: true }));
  await app.ready();
  return app;
}

async function insertApiKey(db: Database, role: Role = 'integrator'): Promise<{ token: string; id: string }> {
  const key = generateApiKey();
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO api_keys (prefix, hash, name, role) VALUES ($1, $2, 'Test key', $3) RETURNING id`,
    [key.prefix, hashSecret(key.secret), role],
  );
  return { token: key.token, id: row?.id ?? '' };
}

describe('auth plugin', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    app = await appWithProbeRoutes(db);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('lets a holder of a listed role in, with request.actor describing them', async () => {
    const admin = await loginAs(db, 'admin', { displayName: 'Narin C.' });
    const response = await get('/api/v1/probe/admin-only', admin.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json().actor).toEqual({
      kind: 'user',
      userId: admin.userId,
      apiKeyId: null,
      roles: ['admin'],
      displayName: 'Narin C.',
      station: false,
    });
  });

  it('answers 403 ROLE_NOT_ALLOWED to a signed-in user without the role, naming the roles needed', async () => {
    const operator = await loginAs(db, 'operator');
    const response = await get('/api/v1/probe/admin-only', operator.headers);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      detail: 'This needs the role admin; you have operator.',
    });
  });

  it('answers 401 before 403: an anonymous caller is asked to sign in', async () => {
    const response = await get('/api/v1/probe/admin-only');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('AUTHENTICATION_REQUIRED');
  });

  it('accepts any one of several roles', async () => {
    const manager = await loginAs(db, 'manager');
    expect((await get('/api/v1/probe/integrators', manager.headers)).statusCode).toBe(200);
  });

  it('refuses a write a browser sent from another site (403 CROSS_SITE_REQUEST), sign-in included, and nothing else', async () => {
    const admin = await loginAs(db, 'admin');
    const post = (url: string, headers: Record<string, string>) =>
      app.inject({ method: 'POST', url, headers: { ...admin.headers, ...headers }, payload: {} });
    const foreigns: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const foreign of foreigns) {
      const response = await post('/api/v1/probe/admin-only', foreign);
      expect(response.statusCode, JSON.stringify(foreign)).toBe(403);
      expect(response.json().code).toBe('CROSS_SITE_REQUEST');
    }
    expect((await post('/api/v1/auth/login', { origin: 'https://evil.example' })).json().code).toBe(
      'CROSS_SITE_REQUEST',
    );
    // The app's own pages, a server-side integrator (no Origin) and reads from anywhere go through.
    const owns: Record<string, string>[] = [
      { origin: 'http://atelier.local:8080', host: 'atelier.local:8080' },
      { 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const own of owns) {
      expect((await post('/api/v1/probe/admin-only', own)).statusCode, JSON.stringify(own)).toBe(200);
    }
    expect(
      (await get('/api/v1/probe/admin-only', { ...admin.headers, origin: 'https://evil.example' })).statusCode,
    ).toBe(200);
  });

  describe('API keys (Authorization: Bearer)', () => {
    it('authenticate as the key role and record when the key was last used', async () => {
      const key = await insertApiKey(db);
      const response = await get('/api/v1/probe/integrators', { authorization: `Bearer ${key.token}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().actor).toEqual({
        kind: 'apiKey',
        userId: null,
        apiKeyId: key.id,
        roles: ['integrator'],
        displayName: 'Test key',
        station: false,
      });
      const [row] = await db.query<{ used: boolean }>(
        'SELECT last_used_at IS NOT NULL AS used FROM api_keys WHERE id = $1',
        [key.id],
      );
      expect(row?.used).toBe(true);
      expect((await get('/api/v1/probe/admin-only', { authorization: `Bearer ${key.token}` })).statusCode).toBe(403);
    });

    it('refuse a revoked key, a wrong secret and a malformed header with 401 INVALID_API_KEY', async () => {
      const revoked = await insertApiKey(db);
      await db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [revoked.id]);
      const valid = await insertApiKey(db);
      const wrongSecret = `${valid.token.slice(0, 12)}${'A'.repeat(43)}`;
      for (const authorization of [
        `Bearer ${revoked.token}`,
        `Bearer ${wrongSecret}`,
        'Bearer af_nothex!_x',
        'Basic dXNlcjpwdw==',
        valid.token,
      ]) {
        const response = await get('/api/v1/probe/integrators', { authorization });
        expect(response.statusCode, authorization).toBe(401);
        expect(response.json().code).toBe('INVALID_API_KEY');
      }
    });

    it('are not needed on public routes, where a bad one is ignored', async () => {
      expect((await get('/api/v1/health', { authorization: 'Bearer nonsense' })).statusCode).toBe(200);
    });
  });

  it('documents 401 and 403 answers of every protected route in OpenAPI', async () => {
    const document = (await get('/api/v1/openapi.json')).json();
    const responses = document.paths['/api/v1/manufacturing-orders'].get.responses;
    expect(responses).toHaveProperty('401');
    expect(responses).toHaveProperty('403');
    expect(document.paths['/api/v1/health'].get.responses).not.toHaveProperty('401');
  });
});

describe('access declarations', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
  }, 120_000);
  afterAll(() => drop());

  it.each([
    ['neither roles nor public', {}, 'declares neither config.roles nor config.public'],
    ['empty roles', { roles: [] }, 'declares an empty config.roles'],
    ['an unknown role', { roles: ['superuser'] }, 'declares unknown roles superuser'],
    ['both roles and public', { roles: ['admin'], public: true }, 'declares both public and roles'],
  ])('refuse to start an app with an /api/v1 route that declares %s', async (_case, config, message) => {
    const app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    try {
      app.get('/api/v1/forgotten', { config: config as never }, () => ({}));
      await expect(app.ready()).rejects.toThrow(`GET /api/v1/forgotten ${message}`);
    } finally {
      await app.close();
    }
  });
});
