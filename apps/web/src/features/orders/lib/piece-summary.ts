import type { NodeCount } from '@atelier/contracts';
import type { TFunction } from 'i18next';
import type { PieceCounts } from '../../../lib/progress.ts';

/** What the order page says about its pieces, in sentences that add up. */
export interface PieceSummary {
  /** e.g. "6 completed + 18 in flight + 0 not released = 24 ordered". */
  equation: string;
  /** Pieces outside the quantity (scrapped, cancelled) and the replacements made for them. */
  notes: string[];
}

/**
 * " at Final inspection" or " (2 at Final inspection, 1 at Body and strap ready)": where pieces
 * ended, from the per-step counts; the list is joined the way `locale` joins lists.
 */
function where(
  t: TFunction<'orders'>,
  locale: string,
  nodes: readonly NodeCount[],
  pick: (ended: NodeCount['ended']) => number,
): string {
  const at = nodes.filter((node) => pick(node.ended) > 0);
  const [only] = at;
  if (at.length === 1 && only) return t('summary.whereOne', { name: only.name });
  if (at.length === 0) return '';
  const items = at.map((node) => t('summary.whereItem', { count: pick(node.ended), name: node.name }));
  return t('summary.whereMany', { list: new Intl.ListFormat(locale, { type: 'unit' }).format(items) });
}

/**
 * The order's pieces as the page words them: completed, in flight and not released add up to the
 * quantity; scrapped and cancelled pieces are outside it, said where it happened, and their
 * replacements explained (a scrapped piece is made again from the first step and the new piece
 * counts towards the quantity). `t` speaks the `orders` namespace in the user's language.
 */
export function pieceSummary(
  t: TFunction<'orders'>,
  locale: string,
  progress: PieceCounts,
  quantity: number,
  nodes: readonly NodeCount[],
): PieceSummary {
  const notes: string[] = [];
  if (progress.scrapped > 0) {
    const at = where(t, locale, nodes, (ended) => ended.scrapped);
    notes.push(t('summary.scrapped', { count: progress.scrapped, where: at, quantity }));
  }
  if (progress.cancelled > 0) {
    const at = where(t, locale, nodes, (ended) => ended.cancelled);
    notes.push(t('summary.cancelled', { count: progress.cancelled, where: at, quantity }));
  }
  if (progress.replacements > 0) notes.push(t('summary.replacements', { count: progress.replacements, quantity }));
  return {
    equation: t('summary.equation', {
      completed: progress.completed,
      inFlight: progress.inFlight,
      notReleased: progress.notReleased,
      quantity,
    }),
    notes,
  };
}
