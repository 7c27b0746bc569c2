import type { NodeCount } from '@atelier/contracts';
import type { PieceCounts } from '../../lib/progress.ts';

/** What the order page says about its pieces, in sentences that add up. */
export interface PieceSummary {
  /** e.g. "6 completed + 18 in flight + 0 not released = 24 ordered". */
  equation: string;
  /** Pieces outside the quantity (scrapped, cancelled) and the replacements made for them. */
  notes: string[];
}

function pieces(n: number): string {
  return `${n} ${n === 1 ? 'piece' : 'pieces'}`;
}

/** "at Final inspection" or "2 at Final inspection, 1 at Body and strap ready": where pieces ended, from the per-step counts. */
function where(nodes: readonly NodeCount[], pick: (ended: NodeCount['ended']) => number): string {
  const at = nodes.filter((node) => pick(node.ended) > 0);
  if (at.length === 1) return ` at ${at[0]?.name ?? ''}`;
  return at.length === 0 ? '' : ` (${at.map((node) => `${pick(node.ended)} at ${node.name}`).join(', ')})`;
}

/**
 * The order's pieces as the page words them: completed, in flight and not released add up to the
 * quantity; scrapped and cancelled pieces are outside it, said where it happened, and their
 * replacements explained (a scrapped piece is made again from the first step and the new piece
 * counts towards the quantity).
 */
export function pieceSummary(progress: PieceCounts, quantity: number, nodes: readonly NodeCount[]): PieceSummary {
  const notes: string[] = [];
  if (progress.scrapped > 0) {
    notes.push(
      `${pieces(progress.scrapped)} scrapped${where(nodes, (ended) => ended.scrapped)}, not counted in the ${quantity}.`,
    );
  }
  if (progress.cancelled > 0) {
    notes.push(
      `${pieces(progress.cancelled)} cancelled${where(nodes, (ended) => ended.cancelled)}, not counted in the ${quantity}: redesigned (and replaced) or dropped from the order.`,
    );
  }
  if (progress.replacements > 0) {
    const counted = progress.replacements === 1 ? 'is a replacement' : 'are replacements';
    notes.push(
      `${progress.replacements} of the pieces completed or in flight ${counted}: a piece that is scrapped or redesigned is made again from the first step, and the new piece counts towards the ${quantity}.`,
    );
  }
  return {
    equation: `${progress.completed} completed + ${progress.inFlight} in flight + ${progress.notReleased} not released = ${quantity} ordered`,
    notes,
  };
}
