/** Piece counts of an order, as every order endpoint reports them. */
export interface PieceCounts {
  completed: number;
  inFlight: number;
  cancelled: number;
  notReleased: number;
}

/** Widths (in percent of the bar) of each part of an order's progress bar. */
export interface ProgressBreakdown {
  completed: number;
  inFlight: number;
  cancelled: number;
  notReleased: number;
  /** Completed pieces as a whole percentage of the target quantity, never rounded up to 100. */
  donePercent: number;
}

/**
 * Splits an order's pieces into bar segments.
 *
 * The bar spans the target quantity, or every piece when there are more: a piece scrapped at QC is
 * replaced by a new one, so an order of 24 can have 25 pieces (one cancelled), and the cancelled
 * one must still be visible without squeezing the others past the end of the bar.
 */
export function progressBreakdown(counts: PieceCounts, quantity: number): ProgressBreakdown {
  const pieces = counts.completed + counts.inFlight + counts.cancelled + counts.notReleased;
  const span = Math.max(quantity, pieces);
  const share = (n: number): number => (span > 0 ? (n / span) * 100 : 0);
  return {
    completed: share(counts.completed),
    inFlight: share(counts.inFlight),
    cancelled: share(counts.cancelled),
    notReleased: share(counts.notReleased),
    donePercent: quantity > 0 ? Math.min(100, Math.floor((counts.completed / quantity) * 100)) : 0,
  };
}
