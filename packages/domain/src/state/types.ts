/**
 * Plain data records shared by the state machines, the routing engine and cancellation.
 * They mirror the database rows the API persists, minus bookkeeping columns (graph version,
 * timestamps of creation) that only the host knows.
 */

import type { TokenAttributes } from '../graph/evaluate-condition.ts';

/** Life cycle of a token: one per physical piece (or component, for a child token). */
export type TokenState = 'active' | 'waiting' | 'completed' | 'cancelled';

/**
 * A token: one physical piece, travelling through the whole graph.
 *
 * Invariants kept by the routing engine:
 * - an `active` token sits at exactly one node (`nodeKey`) and has exactly one open work item
 *   there when that node is a work step;
 * - a parent token waiting for its children has `nodeKey` = the join of the split that forked it;
 * - a child token that reached its join and waits for its siblings has `nodeKey` = that join;
 * - a token waiting for a manager decision (QC limit or QC fail with no fail edge) stays at the QC node.
 */
export interface Token {
  id: string;
  /** Human readable, e.g. `MO-2026-0012-007`; children append `.1`, `.2` …; replacements `-R1`, `-R2` … */
  serial: string;
  orderId: string;
  /** Set on child tokens created at a split. */
  parentId: string | null;
  /** Set on a replacement piece: the root token it replaces. */
  replacesId: string | null;
  state: TokenState;
  nodeKey: string;
  attributes: TokenAttributes;
  /** Passes taken so far per rework edge (key: `edgeKey(edge)`), so loops respect `maxPasses`. */
  reworkPasses: Record<string, number>;
}

/** Life cycle of a work item (SPEC §2). `completed` and `cancelled` are final. */
export type WorkItemState = 'ready' | 'assigned' | 'in_progress' | 'paused' | 'completed' | 'cancelled';

/** Outcome an inspector records when completing a `qc` work item. */
export interface QcOutcome {
  result: 'pass' | 'fail' | 'rework';
  /** Defect / reason codes; required for `fail` and `rework`. */
  reasonCodes: string[];
  /** For `rework` on a QC node with several rework edges: the node to go back to (default: the first). */
  reworkTo?: string;
  /** The inspector's note, kept in the completion event. */
  note?: string;
  /** The checklist points the inspector ticked, kept in the completion event. */
  checked?: string[];
}

/** What an operator did, per operator, so labour minutes and cycle times can be derived. */
export type TimeLogKind = 'start' | 'pause' | 'resume' | 'handoff' | 'leave' | 'complete' | 'cancel';

/** One time-log entry of one operator on one work item. */
export interface TimeLogEntry {
  operatorId: string;
  kind: TimeLogKind;
  at: Date;
}

/** One token's visit of one work step (`operation` or `qc` node): the unit an operator works on. */
export interface WorkItem {
  id: string;
  tokenId: string;
  nodeKey: string;
  kind: 'operation' | 'qc';
  state: WorkItemState;
  /** Operators needed before work can start (e.g. 2 for a two-artisan stitching step); at least 1. */
  minOperators: number;
  /** Operators allowed on the item at once (multi-operator nodes); at least `minOperators`. */
  maxOperators: number;
  /** Operators bound now; the first one is the holder (claimed it or received the hand-off). */
  operators: string[];
  /** Append-only, per operator. */
  timeLogs: TimeLogEntry[];
  /** Set when a `qc` item is completed. */
  qc: QcOutcome | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Every event type the domain emits; the API stores them in the outbox as they are. */
export type DomainEventType =
  | 'token.released'
  | 'token.moved'
  | 'token.split'
  | 'token.arrived'
  | 'token.held'
  | 'token.resumed'
  | 'token.completed'
  | 'token.cancelled'
  | 'token.reworked'
  | 'token.replaced'
  | 'work_item.created'
  | 'work_item.claimed'
  | 'work_item.started'
  | 'work_item.paused'
  | 'work_item.resumed'
  | 'work_item.handed_off'
  | 'work_item.requeued'
  | 'work_item.timed_out'
  | 'work_item.joined'
  | 'work_item.left'
  | 'work_item.completed'
  | 'work_item.cancelled';

/**
 * A domain event. The host adds `seq`, `actor` and `orderId` when it writes the outbox row in the
 * same transaction as the state change.
 */
export interface DomainEvent {
  type: DomainEventType;
  at: Date;
  tokenId: string;
  workItemId?: string;
  nodeKey: string;
  data: Record<string, unknown>;
}

/**
 * Result of asking a state machine to apply a command: the next record and the events to persist,
 * or a stable refusal code the API maps to an HTTP status (409 for state conflicts, 403 for
 * `NOT_HOLDER`, 422 for missing input such as `QC_RESULT_REQUIRED`).
 */
export type Decision<T, Code extends string> = { ok: true; next: T; events: DomainEvent[] } | { ok: false; code: Code };

/** A transition table: for each state, the commands it accepts and the state they lead to. */
export type TransitionTable<S extends string, C extends string> = Readonly<Record<S, Readonly<Partial<Record<C, S>>>>>;

/** The three kinds of token cancellation (SPEC §2). */
export type CancellationType = 'QC_FAIL' | 'REDESIGN' | 'PERMANENT';
