import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles.ts';
import { repoRoot } from '../env.ts';
import { insertProductionFixture } from '../production/production-fixture.ts';
import { buildTestApp, type TestApp } from '../test-app.ts';
import { loginAs } from '../testing/auth-for-tests.ts';

const tote = JSON.parse(readFileSync(`${repoRoot}/examples/routings/tote-bag.json`, 'utf8')) as {
  nodes: { name: string }[];
};

/** The parts of the OpenAPI document the route sweep reads. */
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

/** `in.path` of each field a 400 names. */
function fieldsNamed(response: LightMyRequestResponse): string[] {
  return (response.json().errors as { in: string; path: string }[]).map((error) => `${error.in}.${error.path}`);
}

function expectRefused(response: LightMyRequestResponse, fields: string[]): void {
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  expect(fieldsNamed(response)).toEqual(fields);
}

describe('text the database cannot store', () => {
  let t: TestApp;
  let manager: { cookie: string };
  let designer: { cookie: string };
  beforeAll(async () => {
    t = await buildTestApp();
    await insertProductionFixture(t.db);
    ({ headers: manager } = await loginAs(t.db, 'manager'));
    ({ headers: designer } = await loginAs(t.db, 'designer'));
  }, 60_000);
  afterAll(() => t.close());

  const order = {
    product: 'Fixture tote',
    client: 'Maison Verel',
    quantity: 3,
    dueDate: '2026-12-15',
    routing: 'PROD-01',
  };
  const createOrder = (payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/manufacturing-orders',
      headers: { ...manager, 'content-type': 'application/json' },
      payload,
    });

  describe('a NUL character (U+0000)', () => {
    it('in a body field is refused with a 400 naming the field, and nothing is written', async () => {
      const before = await t.db.prisma.manufacturingOrder.count();
      const response = await createOrder(JSON.stringify({ ...order, product: 'nul\u0000byte' }));
      expectRefused(response, ['body.product']);
      expect(response.json().errors[0].message).toContain('U+0000');
      expect(await t.db.prisma.manufacturingOrder.count()).toBe(before);
    });

    it('anywhere in graph JSON is refused with every place named', async () => {
      const nodes = tote.nodes.map((node, index) => (index === 1 ? { ...node, name: `Cut\u0000ting` } : node));
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/graphs/import',
        headers: designer,
        payload: { ...tote, code: 'NUL-01', name: 'Tote\u0000', nodes },
      });
      expectRefused(response, ['body.name', 'body.nodes.1.name']);
      expect(await t.db.prisma.routingGraph.count({ where: { code: 'NUL-01' } })).toBe(0);
    });

    it('in a path parameter is refused with a 400 naming it', async () => {
      expectRefused(await t.app.inject({ method: 'GET', url: '/api/v1/graphs/%00', headers: designer }), ['params.id']);
    });

    it.each([
      ['/api/v1/tokens?order=%00', ['querystring.order']],
      ['/api/v1/auth/station-operators?team=a%00b', ['querystring.team']],
    ])('in a query parameter (%s) is refused with a 400 naming it', async (url, fields) => {
      expectRefused(await t.app.inject({ method: 'GET', url, headers: manager }), fields);
    });

    it('in the username of a sign-in is refused before any account is looked up', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'manager\u0000', password: 'x' },
      });
      expectRefused(response, ['body.username']);
    });

    it('in a cancellation reason or a piece attribute key is refused, and the pieces stay as they were', async () => {
      const created = await createOrder(JSON.stringify(order));
      const orderPath = `/api/v1/manufacturing-orders/${created.json().id}`;
      const badRelease = await t.app.inject({
        method: 'POST',
        url: `${orderPath}/release`,
        headers: manager,
        payload: { attributes: { 'col\u0000our': 'red' } },
      });
      expectRefused(badRelease, ['body.attributes.col\u0000our']);
      expect((await t.app.inject({ method: 'GET', url: orderPath, headers: manager })).json().status).toBe('draft');

      expect(
        (await t.app.inject({ method: 'POST', url: `${orderPath}/release`, headers: manager, payload: {} })).statusCode,
      ).toBe(200);
      const tokens = (
        await t.app.inject({ method: 'GET', url: `/api/v1/tokens?order=${created.json().code}`, headers: manager })
      ).json();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tokens/cancel',
        headers: manager,
        payload: { tokenIds: [tokens.items[0].id], type: 'PERMANENT', reason: 'torn\u0000' },
      });
      expectRefused(response, ['body.reason']);
      expect(await t.db.prisma.token.count({ where: { state: 'cancelled' } })).toBe(0);
    });

    it('in any path or query parameter of any route, one at a time, is never a 500', async () => {
      const { headers } = await loginAs(t.db, 'admin', { extraRoles: ROLES.filter((role) => role !== 'admin') });
      const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
      const answers: string[] = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (path === '/api/v1/auth/logout') continue; // it would end the sweep's session
          const params = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
          const query = (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => parameter.name);
          const withPath = (nul?: string) =>
            path.replaceAll(/\{([^}]+)\}/g, (_whole, name: string) => (name === nul ? '%00' : '1'));
          const urls = [...params.map((name) => withPath(name)), ...query.map((name) => `${withPath()}?${name}=%00`)];
          for (const url of urls) {
            const response = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers });
            answers.push(`${response.statusCode} ${method} ${url}`);
          }
        }
      }
      expect(answers.length).toBeGreaterThan(50);
      expect(answers.filter((answer) => answer.startsWith('5'))).toEqual([]);
    });

    it.each([
      ['a session cookie', { cookie: 'af_session=%00' }],
      ['an API key', { authorization: 'Bearer af_0000000\u0000_x' }],
    ])('in %s is an unknown credential (401), never a 500', async (_case, headers) => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/manufacturing-orders', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('a body that is not UTF-8 (RFC 8259 §8.1)', () => {
    it('is refused with 400 INVALID_JSON and nothing is written', async () => {
      const before = await t.db.prisma.manufacturingOrder.count();
      const json = JSON.stringify({ ...order, client: '@@' });
      const at = Buffer.from(json).indexOf('@@');
      const bytes = Buffer.from(json);
      bytes[at] = 0xff;
      bytes[at + 1] = 0xfe;
      const response = await createOrder(bytes);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 400,
        code: 'INVALID_JSON',
        detail: expect.stringContaining('UTF-8'),
      });
      expect(await t.db.prisma.manufacturingOrder.count()).toBe(before);
    });

    it('still accepts any UTF-8 text, Thai and emoji included', async () => {
      const response = await createOrder(Buffer.from(JSON.stringify({ ...order, client: 'ร้านหนัง 👜' })));
      expect(response.statusCode).toBe(201);
      expect(response.json().client).toBe('ร้านหนัง 👜');
    });
  });
});
