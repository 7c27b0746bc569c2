import { describe, expect, it } from 'vitest';
import { rememberedSignInMode, rememberSignInMode, safeNextPath, signInPath } from './sign-in-route.ts';

describe('safeNextPath', () => {
  it('keeps a page of this app, with its query and hash', () => {
    expect(safeNextPath('/orders?kind=atelier-jobs#top')).toBe('/orders?kind=atelier-jobs#top');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const raw of [
      'https://evil.example/',
      '//evil.example/orders',
      '/\\evil.example',
      'orders',
      '',
      null,
      undefined,
    ]) {
      expect(safeNextPath(raw)).toBeNull();
    }
  });

  it('refuses the sign-in pages themselves, so signing in cannot loop', () => {
    expect(safeNextPath('/sign-in')).toBeNull();
    expect(safeNextPath('/sign-in/station/?next=/orders')).toBeNull();
  });
});

describe('signInPath', () => {
  it('carries the page to come back to', () => {
    expect(signInPath('office', '/orders/manufacturing-orders/MO-2026-0012')).toBe(
      '/sign-in?next=%2Forders%2Fmanufacturing-orders%2FMO-2026-0012',
    );
    expect(signInPath('station', '/work-queue')).toBe('/sign-in/station?next=%2Fwork-queue');
  });

  it('leaves out a missing, unsafe or home target', () => {
    expect(signInPath('office')).toBe('/sign-in');
    expect(signInPath('office', '/')).toBe('/sign-in');
    expect(signInPath('station', '//evil.example')).toBe('/sign-in/station');
  });
});

describe('sign-in mode memory', () => {
  function memoryStorage() {
    const values = new Map<string, string>();
    return {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
    };
  }

  it('remembers a station device and defaults to the desktop sign-in', () => {
    const storage = memoryStorage();
    expect(rememberedSignInMode(storage)).toBe('office');
    rememberSignInMode('station', storage);
    expect(rememberedSignInMode(storage)).toBe('station');
    rememberSignInMode('office', storage);
    expect(rememberedSignInMode(storage)).toBe('office');
  });

  it('falls back to the desktop sign-in when storage is unavailable', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => rememberSignInMode('station', broken)).not.toThrow();
    expect(rememberedSignInMode(broken)).toBe('office');
  });
});
