import { describe, expect, it } from 'vitest';
import { progressBreakdown } from './progress.ts';

describe('progressBreakdown', () => {
  it('spans the target quantity when every piece is accounted for', () => {
    const bar = progressBreakdown({ completed: 6, inFlight: 12, cancelled: 0, notReleased: 6 }, 24);
    expect(bar).toEqual({ completed: 25, inFlight: 50, cancelled: 0, notReleased: 25, donePercent: 25 });
  });

  it('keeps a scrapped-and-replaced piece visible without overflowing the bar', () => {
    const bar = progressBreakdown({ completed: 8, inFlight: 16, cancelled: 1, notReleased: 0 }, 24);
    expect(bar.completed + bar.inFlight + bar.cancelled + bar.notReleased).toBeCloseTo(100);
    expect(bar.cancelled).toBeCloseTo(4);
    expect(bar.donePercent).toBe(33);
  });

  it('leaves the rest of the bar empty when fewer pieces than the target are reported', () => {
    const bar = progressBreakdown({ completed: 5, inFlight: 0, cancelled: 0, notReleased: 0 }, 10);
    expect(bar.completed).toBe(50);
    expect(bar.completed + bar.inFlight + bar.cancelled + bar.notReleased).toBe(50);
  });

  it('never shows 100 % done before the last piece is completed', () => {
    expect(progressBreakdown({ completed: 199, inFlight: 1, cancelled: 0, notReleased: 0 }, 200).donePercent).toBe(99);
    expect(progressBreakdown({ completed: 200, inFlight: 0, cancelled: 0, notReleased: 0 }, 200).donePercent).toBe(100);
  });

  it('reports an empty bar for an order without pieces', () => {
    expect(progressBreakdown({ completed: 0, inFlight: 0, cancelled: 0, notReleased: 0 }, 0)).toEqual({
      completed: 0, inFlight: 0, cancelled: 0, notReleased: 0, donePercent: 0,
    });
  });
});
