import type { DomainEvent, Token, WorkItem } from '../state/types.ts';

/**
 * Everything the routing engine needs to know about one piece: all its tokens (the root token and
 * every descendant, whatever their state) and its open work items. Completed or cancelled work
 * items may be included; they are ignored.
 */
export interface PieceSnapshot {
  tokens: readonly Token[];
  workItems: readonly WorkItem[];
}

/** Why a token waits for a manager: the QC rework limit was reached, or a QC fail has no fail edge. */
export type InboxKind = 'REWORK_LIMIT' | 'QC_FAILED';

/** An item for the manager inbox, created in the same transaction as the step that needs it. */
export interface InboxItem {
  id: string;
  kind: InboxKind;
  tokenId: string;
  /** The QC work item whose outcome needs a decision. */
  workItemId: string;
  nodeKey: string;
  createdAt: Date;
  data: Record<string, unknown>;
}

/** A change of an order's target quantity (only `PERMANENT` cancellations produce one). */
export interface OrderQuantityChange {
  orderId: string;
  /** Negative: pieces that will not be made. */
  targetQuantityDelta: number;
}

/**
 * The plain result of one domain step, for the API to persist in ONE transaction together with
 * the event rows. Records in `update` are complete new versions of existing rows (write state,
 * node, operators, time logs, rework passes, qc). Records in `insert` are new rows in their final
 * state for this step. Order within each list is deterministic; `events` are in causal order.
 * Inserted tokens run on the graph version the step was given (for a `REDESIGN` replacement: the
 * new version). Write effects only if the piece is still as the snapshot they were computed from
 * showed it (the API guards the write with the piece's version, or reads it under a lock): two
 * completions on sibling branches computed from the same stale snapshot would each miss the
 * other's arrival at the join.
 */
export interface Effects {
  tokens: { insert: Token[]; update: Token[] };
  workItems: { insert: WorkItem[]; update: WorkItem[] };
  events: DomainEvent[];
  inbox: InboxItem[];
  orders: OrderQuantityChange[];
}

/** Injected time and id source: the domain never reads the clock or makes random ids. */
export interface StepContext {
  now: Date;
  newId: () => string;
}
