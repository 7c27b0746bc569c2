import { describe, expect, it } from 'vitest';
import { apiUrl, newIdempotencyKey } from './http-client.ts';

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

describe('newIdempotencyKey', () => {
  it('makes a different 128-bit key each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
