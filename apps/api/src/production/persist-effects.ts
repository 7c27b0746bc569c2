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
import { heldIdempotencyKey } from '../plugins/idempotency-scope.ts';
import { persistEffectsStatement } from './persist-effects-sql.ts';
import type { LoadedPiece, OrderRef, PinnedVersion } from './piece-store.ts';
import { timeLogChanges } from './time-log-intervals.ts';
import { orderEvent } from './order-event.ts';

/** Where a new piece goes: its order and the version it is pinned to. */
export interface NewPiecePlacement {
  readonly order: OrderRef;
  readonly version: PinnedVersion;
}

/** What {@link persistEffects} needs beyond the effects themselves. */
export interface PersistContext {
  /** Who did it, as recorded on the events (a user's or API key's display name, or a system name). */
  readonly actor: string | null;
  /** The step's clock (the `now` given to the domain). */
  readonly now: Date;
  /** The pieces the step was computed from: the write is guarded by their `pieceVersion`. */
  readonly pieces: readonly LoadedPiece[];
  /**
   * Order and version of a new root token (a released piece or a replacement). Components made at
   * a split inherit their parent's. Required when the step creates pieces.
   */
  readonly placeNewPiece?: (token: Token) => NewPiecePlacement;
  /** Events of the command to record before the step's own (e.g. `order.released`). */
  readonly eventsBefore?: readonly NewEvent[];
}

/** The outcome of {@link persistEffects}. */
export type PersistOutcome =
  /** Written, with the new version of every updated work item. */
  | { readonly written: true; readonly versions: ReadonlyMap<string, number> }
  /** A piece changed since it was read: nothing was written; read again and retry. */
  | { readonly written: false };

/** Order and version of every token the effects mention: loaded ones, then new ones in insertion order. */
function placeTokens(effects: Effects, context: PersistContext): Map<string, NewPiecePlacement> {
  const placements = new Map<string, NewPiecePlacement>();
  for (const loaded of context.pieces) {
    for (const token of loaded.piece.tokens) placements.set(token.id, { order: loaded.order, version: loaded });
  }
  for (const token of effects.tokens.insert) {
    const parent = token.parentId === null ? undefined : placements.get(token.parentId);
    if (parent !== undefined) {
      placements.set(token.id, parent);
      continue;
    }
    if (context.placeNewPiece === undefined)
      throw new Error(`New token ${token.id} has no placement: pass placeNewPiece`);
    placements.set(token.id, context.placeNewPiece(token));
  }
  return placements;
}

function placementOf(placements: ReadonlyMap<string, NewPiecePlacement>, tokenId: string): NewPiecePlacement {
  const placement = placements.get(tokenId);
  if (placement === undefined) throw new Error(`Token ${tokenId} is not part of the persisted step`);
  return placement;
}

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

/** A work item as stored before the step, for its claim deadline (undefined for a new item). */
type StoredItem = { readonly state: WorkItem['state']; readonly claimDeadline: Date | null } | undefined;

/** Columns a work item's state determines, shared by inserts and updates. */
function itemStateColumns(item: WorkItem, node: GraphNode | undefined, before: StoredItem) {
  return {
    state: item.state,
    assigneeId: item.operators[0] ?? null,
    qcResult: item.qc?.result ?? null,
    qcReasonCodes: item.qc?.reasonCodes ?? [],
    updatedAt: item.updatedAt,
    startedAt: item.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
    completedAt: item.state === 'completed' ? item.updatedAt : null,
    claimDeadline: workItemClaimDeadline({ before, after: item, node }),
  };
}

/** Operator and time-log rows that bring the tables in line with the domain records of the changed items. */
function peopleChanges(items: readonly WorkItem[], before: ReadonlyMap<string, WorkItem>) {
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
    const earlier = before.get(item.id);
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

/** Orders a step starts (`orderStarts`, on the order as read: the write re-checks it is still released). */
function startedOrders(effects: Effects, pieces: readonly LoadedPiece[]): OrderRef[] {
  const orders = new Map<string, OrderRef>();
  for (const { order, piece } of pieces) {
    const tokens = new Set(piece.tokens.map((token) => token.id));
    const starts = effects.workItems.update.some(
      (item) => tokens.has(item.tokenId) && orderStarts(order, { workItemState: item.state }),
    );
    if (starts) orders.set(order.id, order);
  }
  return [...orders.values()];
}

/** The JSON document `$1` of {@link persistEffectsStatement}. */
function persistDocument(effects: Effects, context: PersistContext) {
  const placements = placeTokens(effects, context);
  const cancelled = cancellations(effects.events);
  const tokenUpdates = effects.tokens.update.map((token) => ({
    id: token.id,
    state: token.state,
    nodeKey: token.nodeKey,
    reworkPasses: token.reworkPasses,
    cancellationType: cancelled.get(token.id)?.type ?? null,
    cancellationReason: cancelled.get(token.id)?.reason ?? null,
  }));
  const tokenInserts = effects.tokens.insert.map((token) => {
    const { order, version } = placementOf(placements, token.id);
    return {
      id: token.id,
      serial: token.serial,
      ...orderLink(order),
      graphVersionId: version.graphVersionId,
      parentId: token.parentId,
      replacesId: token.replacesId,
      attributes: token.attributes,
      state: token.state,
      nodeKey: token.nodeKey,
      reworkPasses: token.reworkPasses,
      cancellationType: cancelled.get(token.id)?.type ?? null,
      cancellationReason: cancelled.get(token.id)?.reason ?? null,
    };
  });
  const loadedItems = new Map(
    context.pieces.flatMap((loaded) => loaded.piece.workItems.map((item) => [item.id, item] as const)),
  );
  const deadlines = new Map(context.pieces.flatMap((loaded) => [...loaded.claimDeadlines]));
  const itemUpdates = effects.workItems.update.map((item) => {
    const earlier = loadedItems.get(item.id);
    const before =
      earlier === undefined ? undefined : { state: earlier.state, claimDeadline: deadlines.get(item.id) ?? null };
    return {
      id: item.id,
      ...itemStateColumns(item, nodeOf(placementOf(placements, item.tokenId), item.nodeKey), before),
    };
  });
  // The step's own visits of each token, numbered by the domain; the statement adds the stored ones.
  const insertedFor = new Map<string, string[]>();
  const itemInserts = effects.workItems.insert.map((item) => {
    const earlier = insertedFor.get(item.tokenId) ?? [];
    insertedFor.set(item.tokenId, [...earlier, item.nodeKey]);
    const placement = placementOf(placements, item.tokenId);
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
    ...orderLink(placementOf(placements, item.tokenId).order),
    tokenId: item.tokenId,
    workItemId: item.workItemId,
    createdAt: item.createdAt,
  }));
  const started = startedOrders(effects, context.pieces);
  const actor = context.actor;
  // A domain event names its work center by code (`work_center`), resolved to its id in SQL.
  const events = [
    ...(context.eventsBefore ?? []).map((event) => ({ event, workCenter: null, ifStarted: null })),
    ...effects.events.map((event) => {
      const placement = placementOf(placements, event.tokenId);
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
    }),
    // Recorded only if this statement is the one that moves the order from released.
    ...started.map((order) => ({
      event: orderEvent('order.started', order, actor ?? 'system', context.now),
      workCenter: null,
      ifStarted: order.id,
    })),
  ].map(({ event, workCenter, ifStarted }, n) => ({
    ...eventRow(event, n),
    work_center: workCenter,
    if_started: ifStarted,
  }));
  return {
    guards: context.pieces.map((loaded) => ({ root: loaded.rootTokenId, version: loaded.pieceVersion })),
    tokenUpdates,
    tokenInserts,
    itemUpdates,
    itemInserts,
    ...peopleChanges([...effects.workItems.update, ...effects.workItems.insert], loadedItems),
    inbox,
    cancelledTokens: [...effects.tokens.update, ...effects.tokens.insert]
      .filter((token) => token.state === 'cancelled')
      .map((token) => token.id),
    quantities: effects.orders.map((change) => ({ orderId: change.orderId, delta: change.targetQuantityDelta })),
    started: started.map((order) => order.id),
    events,
    idempotency: heldIdempotencyKey(),
  };
}

/**
 * Writes a domain step's `Effects` with ONE statement ({@link persistEffectsStatement}): new and
 * changed tokens (with cancellation type and reason), work items with their operators and time
 * logs, inbox items, order target quantities, released orders marked in progress, and the events
 * (`eventsBefore`, one per domain event in causal order, then any `order.started`). Guarded by the
 * `pieceVersion` of `context.pieces`: when one changed since it was read, nothing is written.
 * Closing finished orders is `settleOrders`, after the commit (`write-step.ts`).
 */
export async function persistEffects(
  db: SqlRunner,
  effects: Effects,
  context: PersistContext,
): Promise<PersistOutcome> {
  const document = persistDocument(effects, context);
  const statement = persistEffectsStatement(document);
  const [row] = await db.query<{ ok: boolean; versions: unknown }>(
    statement.text,
    [JSON.stringify(document), context.now],
    { name: statement.name },
  );
  if (row?.ok !== true) return { written: false };
  const versions = jsonColumn<Record<string, number>>(row.versions);
  return { written: true, versions: new Map(Object.entries(versions).map(([id, version]) => [id, Number(version)])) };
}
