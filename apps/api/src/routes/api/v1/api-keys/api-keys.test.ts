import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { loginAs, type TestLogin } from '../../../../testing/auth-for-tests.ts';
import { apiKeySchema, createdApiKeySchema, pageSchema } from '@atelier/contracts';

describe('API key routes', () => {
  let t: TestApp;
  let admin: TestLogin;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.db, 'admin', { displayName: 'Narin Chaisri' });
  }, 120_000);
  afterAll(() => t.close());

  const create = (payload: unknown, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: payload as object, headers });
  const list = (query = '', headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1/api-keys${query}`, headers });
  const revoke = (id: string, headers: Record<string, string> = admin.headers) =>
    t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${id}/revoke`, headers });
  const asKey = (key: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } });

  it('creates a key shown once, stores only its hash, and lets an integrator call the API with it', async () => {
    const response = await create({ name: 'ERP bridge' });
    expect(response.statusCode).toBe(201);
    const created = createdApiKeySchema.parse(response.json());
    expect(created).toMatchObject({
      name: 'ERP bridge',
      role: 'integrator',
      createdBy: { id: admin.userId, displayName: 'Narin Chaisri' },
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.key).toMatch(new RegExp(`^af_${created.prefix}_[\\w-]{43}$`));

    const [stored] = await t.db.query<{ hash: string }>('SELECT hash FROM api_keys WHERE id = $1', [created.id]);
    expect(stored?.hash).not.toContain(created.key.slice(12));

    const me = await asKey(created.key);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'apiKey', id: created.id, roles: ['integrator'] });
    const orders = await t.app.inject({
      method: 'GET',
      url: '/api/v1/manufacturing-orders',
      headers: { authorization: `Bearer ${created.key}` },
    });
    expect(orders.statusCode).toBe(200);

    const listed = pageSchema(apiKeySchema)
      .parse((await list()).json())
      .items.find((key) => key.id === created.id);
    expect(listed).not.toHaveProperty('key');
    expect(listed?.lastUsedAt).not.toBeNull();

    const [event] = await t.db.query<{ actor: string; data: Record<string, unknown> }>(
      `SELECT actor, data FROM events WHERE type = 'api_key.created' AND data->>'id' = $1`,
      [created.id],
    );
    expect(event).toEqual({
      actor: `user:${admin.userId}`,
      data: { id: created.id, name: 'ERP bridge', prefix: created.prefix, role: 'integrator' },
    });
    expect(JSON.stringify(event)).not.toContain(created.key.slice(12));
  });

  it('gives a key another role when asked', async () => {
    const created = createdApiKeySchema.parse((await create({ name: 'Planning sync', role: 'manager' })).json());
    expect((await asKey(created.key)).json().roles).toEqual(['manager']);
  });

  it('revokes a key: it stops working at once; revoking again changes nothing', async () => {
    const created = createdApiKeySchema.parse((await create({ name: 'Old scanner' })).json());
    const response = await revoke(created.id);
    expect(response.statusCode).toBe(200);
    const revoked = apiKeySchema.parse(response.json());
    expect(revoked.revokedAt).not.toBeNull();
    const call = await asKey(created.key);
    expect(call.statusCode).toBe(401);
    expect(call.json().code).toBe('INVALID_API_KEY');

    const again = apiKeySchema.parse((await revoke(created.id)).json());
    expect(again.revokedAt).toBe(revoked.revokedAt);
    const events = await t.db.query(`SELECT 1 FROM events WHERE type = 'api_key.revoked' AND data->>'id' = $1`, [
      created.id,
    ]);
    expect(events).toHaveLength(1);
  });

  it('lists keys newest first, a page at a time', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await create({ name });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = pageSchema(apiKeySchema).parse((await list(query)).json());
      names.push(...page.items.map((key) => key.name));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(names.slice(0, 3)).toEqual(['Page C', 'Page B', 'Page A']);
    const [count] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    expect(names).toHaveLength(count?.n ?? -1);
  });

  it.each(['manager', 'integrator', 'operator'] as const)('refuses a %s with 403 and writes nothing', async (role) => {
    const login = await loginAs(t.db, role);
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    for (const response of [await create({ name: 'Sneaky' }, login.headers), await list('', login.headers)]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('ROLE_NOT_ALLOWED');
    }
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    expect(after?.n).toBe(before?.n);
  });

  it('asks an anonymous caller to sign in', async () => {
    expect((await create({ name: 'x' }, {})).statusCode).toBe(401);
    expect((await list('', {})).statusCode).toBe(401);
  });

  it.each([
    ['no name', {}],
    ['a blank name', { name: '   ' }],
    ['an unknown role', { name: 'x', role: 'superuser' }],
    ['an unknown field', { name: 'x', secret: 'mine' }],
  ])('answers %s with a 400 problem and creates nothing', async (_case, payload) => {
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    expect(after?.n).toBe(before?.n);
  });

  it('answers an unknown key with 404 and a malformed id or cursor with 400', async () => {
    const missing = await revoke('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('API_KEY_NOT_FOUND');
    expect((await revoke('not-a-uuid')).statusCode).toBe(400);
    const badCursor = await list(`?cursor=${Buffer.from(JSON.stringify({ after: 'x' })).toString('base64url')}`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().code).toBe('INVALID_CURSOR');
  });
});
