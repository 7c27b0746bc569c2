import { describe, expect, it } from 'vitest';
import { progressBreakdown, type PieceCounts } from './progress.ts';

const counts = (parts: Partial<PieceCounts>): PieceCounts => ({
  completed: 0,
  inFlight: 0,
  notReleased: 0,
  scrapped: 0,
  cancelled: 0,
  replacements: 0,
  ...parts,
});

describe('progressBreakdown', () => {
  it('spans the target quantity when every piece is accounted for', () => {
    const bar = progressBreakdown(counts({ completed: 6, inFlight: 12, notReleased: 6 }), 24);
    expect(bar).toEqual({ completed: 25, inFlight: 50, notReleased: 25, donePercent: 25 });
  });

  it('fills the bar with the quantity and leaves a scrapped piece out of it: its replacement is in flight', () => {
    // MO-2026-0012: 24 = 6 completed + 18 in flight (one replacing the scrapped piece).
    const bar = progressBreakdown(counts({ completed: 6, inFlight: 18, scrapped: 1, replacements: 1 }), 24);
    expect(bar).toEqual({ completed: 25, inFlight: 75, notReleased: 0, donePercent: 25 });
  });

  it('leaves the rest of the bar empty when fewer pieces than the target are reported', () => {
    const bar = progressBreakdown(counts({ completed: 5 }), 10);
    expect(bar.completed).toBe(50);
    expect(bar.completed + bar.inFlight + bar.notReleased).toBe(50);
  });

  it('never shows 100 % done before the last piece is completed', () => {
    expect(progressBreakdown(counts({ completed: 199, inFlight: 1 }), 200).donePercent).toBe(99);
    expect(progressBreakdown(counts({ completed: 200 }), 200).donePercent).toBe(100);
  });

  it('reports an empty bar for an order without pieces', () => {
    expect(progressBreakdown(counts({}), 0)).toEqual({ completed: 0, inFlight: 0, notReleased: 0, donePercent: 0 });
  });
});
