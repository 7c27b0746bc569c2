import {
  isOpenWorkItemState,
  nextVisit,
  orderStarts,
  workItemClaimDeadline,
  type DomainEvent,
  type Effects,
  type GraphNode,
  type Token,
  type WorkItem,
} from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { jsonColumn } from '../db/json-column.ts';
import { eventRow } from '../events/append-events.ts';
import type { NewEvent } from '../events/new-event.ts';
import type { IdempotencyKeyRef } from '../plugins/idempotency-key.ts';
import { orderEvent } from './order-event.ts';
import { persistEffectsStatement } from './persist-effects-sql.ts';
import type { OrderRef, PinnedVersion } from './piece-store.ts';
import { timeLogChanges } from './time-log-intervals.ts';

/**
 * The ONE row-change builder: whatever command changed work items, tokens or orders (a work-item
 * command, a completion routing the piece, a release, a cancellation), the domain's `Effects`
 * become one JSON document of row changes per table, written by the per-table statement parts of
 * {@link persistEffectsStatement}. A new column or rule means editing the domain, this builder and
 * a migration.
 */

/** Where a piece belongs: its order and the version it is pinned to. */
export interface NewPiecePlacement {
  readonly order: OrderRef;
  readonly version: PinnedVersion;
}

/** A work item as stored before the step: the domain's record and the row's claim deadline. */
export interface StoredWorkItem {
  readonly item: WorkItem;
  readonly claimDeadline: Date | null;
}

/** A piece the step was computed from: its root token is locked, and with a version only if that is still its `piece_version`. */
export interface PieceGuard {
  readonly root: string;
  /** Null for a work-item command, which guards its item instead (`itemGuards`): its root is locked and its version moved on. */
  readonly version: number | null;
}

/** A work item the step was computed from: written only if it still has this version or state, on an active token. */
export interface ItemGuard {
  readonly id: string;
  readonly version: number | null;
  readonly state: WorkItem['state'] | null;
}

/** What the builder needs besides the effects: who and when, the guards, where each token belongs and the rows as read. */
export interface RowChangeBasis {
  /** Who did it, as recorded on the events (a user's or API key's display name, or a system name). */
  readonly actor: string | null;
  /** The step's clock (the `now` given to the domain). */
  readonly now: Date;
  readonly pieceGuards: readonly PieceGuard[];
  readonly itemGuards: readonly ItemGuard[];
  /** Order and pinned version of every token the effects mention (throws for an unknown one). */
  readonly placementOf: (tokenId: string) => NewPiecePlacement;
  /** The changed work items as read, by id (absent: a new item). */
  readonly before: ReadonlyMap<string, StoredWorkItem>;
  /** Events of the command to record before the step's own (e.g. `order.released`). */
  readonly eventsBefore: readonly NewEvent[];
  /** The request's Idempotency-Key, marked committed with the step (null without one). */
  readonly idempotencyKey: IdempotencyKeyRef | null;
}

/** The outcome of a write. */
export type PersistOutcome =
  /** Written, with the new version of every updated work item. */
  | { readonly written: true; readonly versions: ReadonlyMap<string, number> }
  /** A guard failed (the piece or item changed since it was read): nothing was written. */
  | { readonly written: false };

function nodeOf(placement: NewPiecePlacement, nodeKey: string): GraphNode | undefined {
  return placement.version.graph.nodes.find((node) => node.key === nodeKey);
}

/** Cancellation type and reason per cancelled token, read from the step's `token.cancelled` events. */
function cancellations(events: readonly DomainEvent[]): Map<string, { type: string; reason: string }> {
  const byToken = new Map<string, { type: string; reason: string }>();
  for (const event of events) {
    if (event.type === 'token.cancelled')
      byToken.set(event.tokenId, { type: String(event.data.cancellation), reason: String(event.data.reason ?? '') });
  }
  return byToken;
}

function orderLink(order: OrderRef): { moId: string | null; atelierJobId: string | null } {
  return order.kind === 'manufacturingOrder'
    ? { moId: order.id, atelierJobId: null }
    : { moId: null, atelierJobId: order.id };
}

/** Columns a work item's state determines, shared by inserts and updates. */
function itemStateColumns(item: WorkItem, node: GraphNode | undefined, before: StoredWorkItem | undefined) {
  return {
    state: item.state,
    assigneeId: item.operators[0] ?? null,
    qcResult: item.qc?.result ?? null,
    qcReasonCodes: item.qc?.reasonCodes ?? [],
    updatedAt: item.updatedAt,
    startedAt: item.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
    completedAt: item.state === 'completed' ? item.updatedAt : null,
    claimDeadline: workItemClaimDeadline({
      before: before && { state: before.item.state, claimDeadline: before.claimDeadline },
      after: item,
      node,
    }),
  };
}

/** Operator and time-log rows that bring the tables in line with the domain records of the changed items. */
function peopleChanges(items: readonly WorkItem[], before: ReadonlyMap<string, StoredWorkItem>) {
  const operatorsJoined: { workItemId: string; userId: string; joinedAt: Date; leftAt: Date | null }[] = [];
  const operatorsLeft: { workItemId: string; userId: string; leftAt: Date }[] = [];
  const logsClosed: { workItemId: string; userId: string; endedAt: Date | null; endReason: string | null }[] = [];
  const logsOpened: {
    workItemId: string;
    userId: string;
    startedAt: Date;
    endedAt: Date | null;
    endReason: string | null;
  }[] = [];
  for (const item of items) {
    const earlier = before.get(item.id)?.item;
    const bound = earlier?.operators ?? [];
    const closed = !isOpenWorkItemState(item.state);
    for (const userId of item.operators) {
      if (!bound.includes(userId))
        operatorsJoined.push({
          workItemId: item.id,
          userId,
          joinedAt: item.updatedAt,
          leftAt: closed ? item.updatedAt : null,
        });
    }
    for (const userId of bound) {
      if (closed || !item.operators.includes(userId))
        operatorsLeft.push({ workItemId: item.id, userId, leftAt: item.updatedAt });
    }
    const { opened, closed: ended } = timeLogChanges(earlier, item);
    for (const interval of ended) logsClosed.push({ workItemId: item.id, ...interval });
    for (const interval of opened) logsOpened.push({ workItemId: item.id, ...interval });
  }
  return { operatorsJoined, operatorsLeft, logsClosed, logsOpened };
}

/** Orders the step starts: the domain's order machine (`orderStarts`) on each changed item's order as read; the write re-checks it is still released. */
function startedOrders(effects: Effects, basis: RowChangeBasis): OrderRef[] {
  const orders = new Map<string, OrderRef>();
  for (const item of effects.workItems.update) {
    const { order } = basis.placementOf(item.tokenId);
    if (!orders.has(order.id) && orderStarts(order, { workItemState: item.state })) orders.set(order.id, order);
  }
  return [...orders.values()];
}

/** The outbox row of a domain event: the topic columns from its token's order and node (the work center by code, resolved in SQL). */
function domainEventRow(event: DomainEvent, placement: NewPiecePlacement, actor: string | null) {
  const operatorId = event.data.operatorId;
  const row: NewEvent = {
    type: event.type,
    at: event.at,
    actor,
    orderId: placement.order.id,
    tokenId: event.tokenId,
    workItemId: event.workItemId ?? null,
    nodeKey: event.nodeKey,
    operatorId: typeof operatorId === 'string' ? operatorId : null,
    data: { nodeKey: event.nodeKey, ...event.data },
  };
  return { event: row, workCenter: nodeOf(placement, event.nodeKey)?.config?.workCenter ?? null, ifStarted: null };
}

/** Columns a token's state determines, shared by inserts and updates. */
function tokenStateColumns(token: Token, cancelled: ReturnType<typeof cancellations>) {
  return {
    state: token.state,
    nodeKey: token.nodeKey,
    reworkPasses: token.reworkPasses,
    cancellationType: cancelled.get(token.id)?.type ?? null,
    cancellationReason: cancelled.get(token.id)?.reason ?? null,
  };
}

function tokenInsert(token: Token, basis: RowChangeBasis, cancelled: ReturnType<typeof cancellations>) {
  const { order, version } = basis.placementOf(token.id);
  return {
    id: token.id,
    serial: token.serial,
    ...orderLink(order),
    graphVersionId: version.graphVersionId,
    parentId: token.parentId,
    replacesId: token.replacesId,
    attributes: token.attributes,
    ...tokenStateColumns(token, cancelled),
  };
}

/** The JSON document `$1` of {@link persistEffectsStatement}: the row changes of `effects`, table by table. */
export function rowChanges(effects: Effects, basis: RowChangeBasis) {
  // An item-guarded write (a work-item command) moves its pieces' versions on and changes no token.
  if (basis.itemGuards.length > 0 && effects.tokens.update.length > 0)
    throw new Error('A step that changes tokens is guarded by its pieces, not by work items');
  const cancelled = cancellations(effects.events);
  const tokenUpdates = effects.tokens.update.map((token) => ({ id: token.id, ...tokenStateColumns(token, cancelled) }));
  const itemUpdates = effects.workItems.update.map((item) => ({
    id: item.id,
    ...itemStateColumns(item, nodeOf(basis.placementOf(item.tokenId), item.nodeKey), basis.before.get(item.id)),
  }));
  // The step's own visits of each token, numbered by the domain; the statement adds the stored ones.
  const insertedFor = new Map<string, string[]>();
  const itemInserts = effects.workItems.insert.map((item) => {
    const earlier = insertedFor.get(item.tokenId) ?? [];
    insertedFor.set(item.tokenId, [...earlier, item.nodeKey]);
    const placement = basis.placementOf(item.tokenId);
    const node = nodeOf(placement, item.nodeKey);
    const standardMinutes = node?.config?.standardMinutes;
    return {
      id: item.id,
      tokenId: item.tokenId,
      nodeKey: item.nodeKey,
      visitInStep: nextVisit(earlier, item.nodeKey),
      workCenter: node?.config?.workCenter ?? null,
      priority: placement.order.priority,
      standardMinutes: standardMinutes === undefined ? null : Math.round(standardMinutes),
      createdAt: item.createdAt,
      ...itemStateColumns(item, node, undefined),
    };
  });
  const inbox = effects.inbox.map((item) => ({
    id: item.id,
    kind: item.kind,
    nodeKey: item.nodeKey,
    payload: item.data,
    ...orderLink(basis.placementOf(item.tokenId).order),
    tokenId: item.tokenId,
    workItemId: item.workItemId,
    createdAt: item.createdAt,
  }));
  const started = startedOrders(effects, basis);
  const { actor } = basis;
  const events = [
    ...basis.eventsBefore.map((event) => ({ event, workCenter: null, ifStarted: null })),
    ...effects.events.map((event) => domainEventRow(event, basis.placementOf(event.tokenId), actor)),
    // Recorded only if this statement is the one that moves the order from released.
    ...started.map((order) => ({
      event: orderEvent('order.started', order, actor ?? 'system', basis.now),
      workCenter: null,
      ifStarted: order.id,
    })),
  ].map(({ event, workCenter, ifStarted }, n) => ({
    ...eventRow(event, n),
    work_center: workCenter,
    if_started: ifStarted,
  }));
  return {
    guards: basis.pieceGuards,
    itemGuards: basis.itemGuards,
    tokenUpdates,
    tokenInserts: effects.tokens.insert.map((token) => tokenInsert(token, basis, cancelled)),
    itemUpdates,
    itemInserts,
    ...peopleChanges([...effects.workItems.update, ...effects.workItems.insert], basis.before),
    inbox,
    cancelledTokens: [...effects.tokens.update, ...effects.tokens.insert]
      .filter((token) => token.state === 'cancelled')
      .map((token) => token.id),
    quantities: effects.orders.map((change) => ({ orderId: change.orderId, delta: change.targetQuantityDelta })),
    started: started.map((order) => order.id),
    events,
    idempotency: basis.idempotencyKey,
  };
}

/** The row changes {@link rowChanges} builds. */
export type RowChanges = ReturnType<typeof rowChanges>;

/**
 * Writes row changes with ONE statement ({@link persistEffectsStatement}): new and changed tokens
 * (with cancellation type and reason), work items with their operators and time logs, inbox items,
 * order target quantities, released orders marked in progress, the idempotency mark and the events
 * (`eventsBefore`, one per domain event in causal order, then any `order.started`). Guarded by the
 * piece and item guards: when one fails, nothing is written.
 */
export async function writeRowChanges(db: SqlRunner, changes: RowChanges, now: Date): Promise<PersistOutcome> {
  const statement = persistEffectsStatement(changes);
  const [row] = await db.query<{ ok: boolean; versions: unknown }>(statement.text, [JSON.stringify(changes), now], {
    name: statement.name,
  });
  if (row?.ok !== true) return { written: false };
  const versions = jsonColumn<Record<string, number>>(row.versions);
  return { written: true, versions: new Map(Object.entries(versions).map(([id, version]) => [id, Number(version)])) };
}
