import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation.ts';
import type { NavItem } from './navigation.ts';

const labels = (items: NavItem[]): string[] => items.flatMap((item) => [item.id, ...labels(item.children ?? [])]);

describe('navigationFor', () => {
  it('offers each role its own screens', () => {
    expect(labels(navigationFor(['operator']))).toEqual(['workQueue']);
    expect(labels(navigationFor(['manager']))).toEqual(['orders', 'control', 'plan', 'run', 'inspect', 'tokens']);
    expect(labels(navigationFor(['designer']))).toEqual(['designer']);
    expect(labels(navigationFor(['admin']))).toEqual(['admin']);
  });

  it('joins the screens of several roles in menu order, without repeats', () => {
    expect(labels(navigationFor(['admin', 'designer', 'designer']))).toEqual(['designer', 'admin']);
  });

  it('offers nothing to a user without roles', () => {
    expect(navigationFor([])).toEqual([]);
  });
});

describe('homePathFor', () => {
  it('lands each role on its first screen', () => {
    expect(homePathFor(['operator'])).toBe('/work-queue');
    expect(homePathFor(['manager'])).toBe('/orders');
    expect(homePathFor(['designer'])).toBe('/designer');
    expect(homePathFor(['admin'])).toBe('/admin');
  });

  it('falls back to the orders, which every role may read', () => {
    expect(homePathFor([])).toBe('/orders');
  });
});
