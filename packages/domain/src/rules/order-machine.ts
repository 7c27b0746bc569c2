import { nextState } from '../state/transition-table.ts';
import type { TransitionTable, WorkItemState } from '../state/types.ts';

/** The life cycle of a manufacturing order or atelier job. */
export type OrderStatus = 'draft' | 'released' | 'in_progress' | 'completed' | 'cancelled';

/** What moves an order on. */
export type OrderCommand = 'release' | 'start' | 'complete' | 'cancel';

/**
 * Order transitions: a draft is released (its pieces made), goes in progress when work on one of
 * them starts, and is settled completed or cancelled once no piece is in flight (a released order
 * may settle before any work, e.g. when all its pieces are cancelled).
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderStatus, OrderCommand> = {
  draft: { release: 'released', cancel: 'cancelled' },
  released: { start: 'in_progress', complete: 'completed', cancel: 'cancelled' },
  in_progress: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

/** Whether `ORDER_TRANSITIONS` lets an order in `status` take `command`. */
export function orderCan(status: OrderStatus, command: OrderCommand): boolean {
  return nextState(ORDER_TRANSITIONS, status, command) !== undefined;
}

/** States of a work item that mean work on it has begun (a claim is not work yet). */
const WORKED_STATES: ReadonlySet<WorkItemState> = new Set(['in_progress', 'paused', 'completed']);

/**
 * Whether a step that leaves one of the order's work items in `workItemState` starts the order:
 * the order is released (only the first start counts) and the item is being worked or done.
 */
export function orderStarts(
  order: { readonly status: OrderStatus },
  event: { readonly workItemState: WorkItemState },
): boolean {
  return orderCan(order.status, 'start') && WORKED_STATES.has(event.workItemState);
}

/** An open order's pieces (root tokens) and target, as the settlement counts them. */
export interface OrderCounts {
  /** Pieces still active or waiting. */
  readonly inFlight: number;
  /** Pieces completed. */
  readonly completed: number;
  /** The order's target quantity (after scrap and replacements). */
  readonly target: number;
}

/**
 * How an open order settles: nothing while a piece is in flight; `completed` once the completed
 * pieces meet the target; `cancelled` when the target dropped to zero with nothing made; else
 * nothing (it waits for replacements).
 */
export function settleOutcome(counts: OrderCounts): 'completed' | 'cancelled' | null {
  if (counts.inFlight > 0) return null;
  if (counts.completed > 0) return counts.completed >= counts.target ? 'completed' : null;
  return counts.target === 0 ? 'cancelled' : null;
}
