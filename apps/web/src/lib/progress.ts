import type { OrderProgress } from '@atelier/contracts';

/** Piece counts of an order, as every order endpoint reports them (see `orderProgressSchema`). */
export type PieceCounts = OrderProgress;

/** Widths (in percent of the bar) of each part of an order's progress bar. */
export interface ProgressBreakdown {
  completed: number;
  inFlight: number;
  notReleased: number;
  /** Completed pieces as a whole percentage of the target quantity, never rounded up to 100. */
  donePercent: number;
}

/**
 * Splits an order's quantity into bar segments: completed, in flight and not released add up to
 * it, so the bar is full. A scrapped or cancelled piece is not part of the quantity (its
 * replacement is), so it takes no room on the bar.
 */
export function progressBreakdown(counts: PieceCounts, quantity: number): ProgressBreakdown {
  // Never wider than the bar, even if a response ever counted more pieces than the quantity.
  const span = Math.max(quantity, counts.completed + counts.inFlight + counts.notReleased);
  const share = (n: number): number => (span > 0 ? (n / span) * 100 : 0);
  return {
    completed: share(counts.completed),
    inFlight: share(counts.inFlight),
    notReleased: share(counts.notReleased),
    donePercent: quantity > 0 ? Math.min(100, Math.floor((counts.completed / quantity) * 100)) : 0,
  };
}
