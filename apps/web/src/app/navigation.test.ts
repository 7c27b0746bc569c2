import { describe, expect, it } from 'vitest';
import { homePathFor, navigationFor } from './navigation.ts';
import type { NavItem } from './navigation.ts';

const labels = (items: NavItem[]): string[] => items.flatMap((item) => [item.label, ...labels(item.children ?? [])]);

describe('navigationFor', () => {
  it('offers each role its own screens', () => {
    expect(labels(navigationFor(['operator']))).toEqual(['Work Queue']);
    expect(labels(navigationFor(['manager']))).toEqual([
      'Orders',
      'Production Control',
      'Plan',
      'Run',
      'Inspect',
      'Tokens',
    ]);
    expect(labels(navigationFor(['designer']))).toEqual(['Designer']);
    expect(labels(navigationFor(['admin']))).toEqual(['Admin']);
  });

  it('joins the screens of several roles in menu order, without repeats', () => {
    expect(labels(navigationFor(['admin', 'designer', 'designer']))).toEqual(['Designer', 'Admin']);
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
