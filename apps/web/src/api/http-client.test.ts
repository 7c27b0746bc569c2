import { describe, expect, it } from 'vitest';
import { apiUrl, newIdempotencyKey, sendCommand } from './http-client.ts';

describe('apiUrl', () => {
  it('prefixes the API base', () => {
    expect(apiUrl('/health')).toBe('/api/v1/health');
  });

  it('encodes query values and drops missing ones', () => {
    expect(apiUrl('/manufacturing-orders', { cursor: 'a b/c', limit: 25, status: undefined, q: '' })).toBe(
      '/api/v1/manufacturing-orders?cursor=a+b%2Fc&limit=25',
    );
  });
});

describe('sendCommand', () => {
  it('sends the method, a JSON body and a fresh Idempotency-Key per command', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    try {
      expect(await sendCommand('PATCH', '/skills/cutting', { name: 'Cutting' })).toEqual({ ok: true });
      await sendCommand('POST', '/skills/cutting/deactivate');
    } finally {
      globalThis.fetch = realFetch;
    }
    const [patch, post] = seen.map(({ url, init }) => ({ url, init, headers: init.headers as Record<string, string> }));
    expect(patch).toMatchObject({
      url: '/api/v1/skills/cutting',
      init: { method: 'PATCH', body: '{"name":"Cutting"}' },
    });
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(post?.headers).not.toHaveProperty('content-type');
    expect(patch?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(post?.headers['idempotency-key']).not.toBe(patch?.headers['idempotency-key']);
  });
});

describe('newIdempotencyKey', () => {
  it('makes a different 128-bit key each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
