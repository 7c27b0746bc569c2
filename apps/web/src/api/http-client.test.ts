import { describe, expect, it } from 'vitest';
import { apiUrl } from './http-client.ts';

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
