import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadEnv } from './env.ts';
import { buildTestApp, type TestApp } from './test-app.ts';
import { loginAs } from './testing/auth-for-tests.ts';
import { createTestDatabase } from './testing/test-database.ts';

const SETUP_TIMEOUT = 60_000;

describe('errors are RFC 9457 problem details', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'urn:atelier-flow:problem:route-not-found',
      title: 'Not Found',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'No route GET /api/v1/no-such-thing. The API is described at /api/docs.',
      instance: '/api/v1/no-such-thing',
    });
  });

  it.each([
    ['a broken percent-encoding', 'POST', '/api/v1/api-keys/%ZZ%/revoke', 400, 'INVALID_URL'],
    ['an over-long path parameter', 'GET', `/api/v1/graphs/${'x'.repeat(101)}`, 414, 'PATH_PARAMETER_TOO_LONG'],
  ] as const)('answers %s, which the router refuses, with a problem', async (_case, method, url, status, code) => {
    const response = await t.app.inject({ method, url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code, instance: url });
  });

  it('answers invalid query parameters with a 400 that names each field to fix', async () => {
    const { headers } = await loginAs(t.db, 'manager');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/manufacturing-orders?limit=abc', headers });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' });
    expect(problem.errors).toEqual([{ in: 'querystring', path: 'limit', message: expect.any(String) }]);
    expect(problem.detail).toContain('querystring.limit');
  });

  it('sets security headers on API responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('serves the OpenAPI 3.1 document with a response schema for every route and status', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/manufacturing-orders',
        '/api/v1/manufacturing-orders/{id}',
        '/api/v1/atelier-jobs',
        '/api/v1/atelier-jobs/{id}',
      ]),
    );
    expect(document.paths['/api/v1/manufacturing-orders/{id}'].get.responses).toHaveProperty('404');
    expect(
      document.paths['/api/v1/manufacturing-orders'].get.responses['200'].content['application/json'].schema,
    ).toBeDefined();
  });

  it('documents a 503 problem (database unavailable) on every API operation', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, { responses: object }>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(
          ([method, operation]) => [`${method} ${path}`, Object.keys(operation.responses)] as const,
        ),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter(([, statuses]) => !statuses.includes('503')).map(([operation]) => operation)).toEqual([]);
  });

  it('lists each shared schema once and every reference resolves', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const schemas = Object.keys(document.components.schemas);
    expect(schemas).toEqual(
      expect.arrayContaining(['Problem', 'ManufacturingOrder', 'AtelierJob', 'OrderProgress', 'Health']),
    );
    expect(schemas).not.toContain('ManufacturingOrderInput');
    const references = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((name) => !schemas.includes(name ?? ''))).toEqual([]);
  });

  it('serves the interactive API documentation at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('accepts a trailing slash on API routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health/' });
    expect(response.statusCode).toBe(200);
  });
});

describe('serving the web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'atelier-web-dist-'));
  let t: TestApp;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atelier Flow</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    t = await buildTestApp({ webDistDir: dist });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html on / without caching it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for client-side routes, so a reload works', async () => {
    for (const url of ['/designer/TOTE-01', '/orders/MO-2026-0012?tab=nodes', '/work-queue']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('does not answer unknown API routes or missing files with the page', async () => {
    for (const url of ['/api/v1/nope', '/api/nope', '/assets/missing.js']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers other methods on unknown paths with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/designer', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('without a built web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ webDistDir: join(tmpdir(), 'atelier-missing-dist') });
  }, SETUP_TIMEOUT);
  afterAll(() => t.close());

  it('says in plain text how to build it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('web app has not been built');
    expect(response.body).toContain('--filter @atelier/web build');
  });

  it('still serves the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
  });
});

describe('closing the app', () => {
  it('finishes a request in flight before it closes, promptly, and takes no new ones', async () => {
    const { db, drop } = await createTestDatabase();
    const app = await buildApp({ db, env: loadEnv({ LOG_LEVEL: 'silent' }) });
    app.get('/api/v1/test-slow', { config: { public: true } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { finished: true };
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    let closed: Promise<undefined> | undefined;
    try {
      const inFlight = fetch(`${url}/api/v1/test-slow`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      closed = app.close();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      // The connection ends with the response instead of idling until the keep-alive timeout.
      expect(response.headers.get('connection')).toBe('close');
      await closed;
      await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
    } finally {
      await (closed ?? app.close());
      await drop();
    }
  }, 20_000);
});
