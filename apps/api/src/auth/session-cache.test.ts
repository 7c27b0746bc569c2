import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { createSessionCache } from './session-cache.ts';

const ana: Actor = {
  kind: 'user',
  userId: 'u-ana',
  apiKeyId: null,
  roles: ['operator'],
  displayName: 'Ana',
  station: true,
};
const LATER = 10_000_000;

describe('the session cache', () => {
  it('remembers a session until its TTL or its expiry, whichever comes first', () => {
    const cache = createSessionCache({ ttlMs: 5_000 });
    cache.set(cache.ticket(), 'hash-a', ana, LATER, 1_000);
    cache.set(cache.ticket(), 'hash-b', ana, 2_000, 1_000);
    expect(cache.get('hash-a', 5_999)).toBe(ana);
    expect(cache.get('hash-a', 6_000)).toBeUndefined();
    expect(cache.get('hash-b', 2_000)).toBeUndefined();
  });

  it('does not store a lookup that started before a clear', () => {
    const cache = createSessionCache();
    const ticket = cache.ticket();
    cache.clear();
    cache.set(ticket, 'hash-a', ana, LATER, 0);
    expect(cache.get('hash-a', 1)).toBeUndefined();
  });

  it('keeps nothing while changes may go unannounced, and remembers again after', () => {
    const cache = createSessionCache();
    cache.set(cache.ticket(), 'hash-a', ana, LATER, 0);
    cache.remember(false);
    expect(cache.get('hash-a', 1)).toBeUndefined();
    cache.set(cache.ticket(), 'hash-a', ana, LATER, 1);
    expect(cache.get('hash-a', 2)).toBeUndefined();
    cache.remember(true);
    cache.set(cache.ticket(), 'hash-a', ana, LATER, 3);
    expect(cache.get('hash-a', 4)).toBe(ana);
  });
});
