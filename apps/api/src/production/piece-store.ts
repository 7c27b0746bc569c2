import {
  isOpenWorkItemState,
  parseGraph,
  type DomainEvent,
  type Effects,
  type GraphNode,
  type PieceSnapshot,
  type RoutingGraph,
  type Token,
  type WorkItem,
} from '@atelier/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CancellationType, OrderStatus } from '../generated/prisma/enums.ts';
import type { NewEvent } from '../events/new-event.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { OrderKind } from '../routes/api/v1/order-read-model.ts';
import { bulkInsert, type BulkColumn } from './bulk-insert.ts';
import { markOrdersStarted, settleOrders } from './settle-orders.ts';
import { toEntries, toIntervals, type TimeLogInterval } from './time-log-intervals.ts';

/**
 * The piece store: loads one piece (a root token, all its descendants and their open work items)
 * under a row lock, as the domain's `PieceSnapshot`, and writes a domain step's `Effects` back as
 * rows. Every command that routes or cancels tokens goes through these functions inside ONE
 * transaction (see docs/api-conventions.md), so the rows and the events always agree.
 */

/** A Prisma client bound to the command's transaction. */
export type Tx = Prisma.TransactionClient;

/** The order (manufacturing order or atelier job) a piece belongs to. */
export interface OrderRef {
  readonly id: string;
  readonly kind: OrderKind;
  readonly code: string;
  readonly priority: number;
  /** As read with the piece (a release reads it under the order's lock). */
  readonly status: OrderStatus;
}

/** A published graph version a token runs on. */
export interface PinnedVersion {
  readonly graphVersionId: string;
  readonly graph: RoutingGraph;
}

/** One piece read under its lock, ready for a domain step. */
export interface LoadedPiece extends PinnedVersion {
  readonly rootTokenId: string;
  readonly order: OrderRef;
  readonly piece: PieceSnapshot;
}

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
  /** The pieces the step was computed from: their tokens keep their order and version. */
  readonly pieces: readonly LoadedPiece[];
  /**
   * Order and version of a new root token (a released piece or a replacement). Components made at
   * a split inherit their parent's. Required when the step creates pieces.
   */
  readonly placeNewPiece?: (token: Token) => NewPiecePlacement;
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

const graphCache = new Map<string, RoutingGraph>();

/** A graph version's body, parsed once per process: tokens only run on published (immutable) versions. */
export async function pinnedGraph(tx: Tx, graphVersionId: string): Promise<RoutingGraph> {
  const cached = graphCache.get(graphVersionId);
  if (cached !== undefined) return cached;
  const version = await tx.graphVersion.findUniqueOrThrow({ where: { id: graphVersionId }, select: { body: true, status: true } });
  const parsed = parseGraph(version.body);
  if (!parsed.ok) throw new Error(`Graph version ${graphVersionId} has an invalid body: ${parsed.errors[0]?.message ?? 'unknown'}`);
  if (version.status !== 'draft') graphCache.set(graphVersionId, parsed.graph);
  return parsed.graph;
}

/** The root token of each given token (itself when it has no parent); unknown ids are absent. */
async function rootsOf(tx: Tx, tokenIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.$queryRawUnsafe<{ origin: string; root: string }[]>(
    `WITH RECURSIVE up AS (
       SELECT id AS origin, id, parent_id FROM tokens WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT up.origin, t.id, t.parent_id FROM tokens t JOIN up ON t.id = up.parent_id
     )
     SELECT origin::text AS origin, id::text AS root FROM up WHERE parent_id IS NULL`,
    [...tokenIds],
  );
  return new Map(rows.map((row) => [row.origin, row.root]));
}

/** Operator limits of a work step, as the routing engine sets them when it opens a work item. */
function operatorLimits(node: GraphNode | undefined): { minOperators: number; maxOperators: number } {
  const minOperators = Math.max(1, node?.config?.minOperators ?? 1);
  return { minOperators, maxOperators: Math.max(minOperators, node?.config?.maxOperators ?? 1) };
}

const openWorkItemStates = ['ready', 'assigned', 'in_progress', 'paused'] as const;

const workItemInclude = {
  operators: { where: { leftAt: null }, orderBy: { joinedAt: 'asc' }, select: { userId: true } },
  timeLogs: { orderBy: { startedAt: 'asc' }, select: { userId: true, startedAt: true, endedAt: true, endReason: true } },
} as const satisfies Prisma.WorkItemInclude;

type WorkItemRow = Prisma.WorkItemGetPayload<{ include: typeof workItemInclude }>;
type TokenRow = Prisma.TokenGetPayload<object>;

function toDomainToken(row: TokenRow): Token {
  return {
    id: row.id,
    serial: row.serial,
    orderId: (row.moId ?? row.atelierJobId) as string,
    parentId: row.parentId,
    replacesId: row.replacesId,
    state: row.state,
    nodeKey: row.currentNodeKey,
    attributes: row.attributes as Token['attributes'],
    reworkPasses: row.reworkPasses as Record<string, number>,
  };
}

/** A work-item row as the domain's record; the holder (assignee) comes first among its operators. */
export function toDomainWorkItem(row: WorkItemRow, graph: RoutingGraph): WorkItem {
  const node = graph.nodes.find((candidate) => candidate.key === row.nodeKey);
  const bound = row.operators.map((operator) => operator.userId);
  const operators = row.assigneeId !== null && bound.includes(row.assigneeId) ? [row.assigneeId, ...bound.filter((id) => id !== row.assigneeId)] : bound;
  return {
    id: row.id,
    tokenId: row.tokenId,
    nodeKey: row.nodeKey,
    kind: node?.type === 'qc' ? 'qc' : 'operation',
    state: row.state,
    ...operatorLimits(node),
    operators,
    timeLogs: toEntries(row.timeLogs),
    qc: row.qcResult === null ? null : { result: row.qcResult, reasonCodes: row.qcReasonCodes },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function loadOrder(tx: Tx, root: TokenRow): Promise<OrderRef> {
  const select = { id: true, code: true, priority: true, status: true } as const;
  if (root.moId !== null) {
    const order = await tx.manufacturingOrder.findUniqueOrThrow({ where: { id: root.moId }, select });
    return { ...order, kind: 'manufacturingOrder' };
  }
  const job = await tx.atelierJob.findUniqueOrThrow({ where: { id: root.atelierJobId as string }, select });
  return { ...job, kind: 'atelierJob' };
}

/**
 * Locks the pieces of the given tokens (their root token rows, `FOR UPDATE`, in sorted id order so
 * two overlapping bulk commands never deadlock) and loads them. Returns one entry per distinct
 * piece, sorted by root id, and the root of each requested token; unknown token ids are absent
 * from `rootOf`. Call inside the command's transaction.
 */
export async function loadPiecesForUpdate(tx: Tx, tokenIds: readonly string[]): Promise<{ pieces: LoadedPiece[]; rootOf: Map<string, string> }> {
  const rootOf = await rootsOf(tx, tokenIds);
  const rootIds = [...new Set(rootOf.values())].sort();
  if (rootIds.length === 0) return { pieces: [], rootOf };
  await tx.$queryRawUnsafe(`SELECT id FROM tokens WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, rootIds);

  const members = await tx.$queryRawUnsafe<{ id: string; root: string }[]>(
    `WITH RECURSIVE down AS (
       SELECT id, id AS root FROM tokens WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT t.id, down.root FROM tokens t JOIN down ON t.parent_id = down.id
     )
     SELECT id::text AS id, root::text AS root FROM down`,
    rootIds,
  );
  const tokenRows = await tx.token.findMany({ where: { id: { in: members.map((member) => member.id) } }, orderBy: [{ createdAt: 'asc' }, { serial: 'asc' }] });
  const itemRows = await tx.workItem.findMany({
    where: { tokenId: { in: members.map((member) => member.id) }, state: { in: [...openWorkItemStates] } },
    include: workItemInclude,
    orderBy: { createdAt: 'asc' },
  });
  const rootByToken = new Map(members.map((member) => [member.id, member.root]));

  const pieces: LoadedPiece[] = [];
  for (const rootTokenId of rootIds) {
    const root = tokenRows.find((row) => row.id === rootTokenId);
    if (root === undefined) continue;
    const graph = await pinnedGraph(tx, root.graphVersionId);
    const tokens = tokenRows.filter((row) => rootByToken.get(row.id) === rootTokenId);
    const items = itemRows.filter((row) => rootByToken.get(row.tokenId) === rootTokenId);
    pieces.push({
      rootTokenId,
      graphVersionId: root.graphVersionId,
      graph,
      order: await loadOrder(tx, root),
      piece: { tokens: tokens.map(toDomainToken), workItems: items.map((row) => toDomainWorkItem(row, graph)) },
    });
  }
  return { pieces, rootOf };
}

/**
 * Locks the piece a token belongs to (its root token row, `FOR UPDATE`) and loads it: every token
 * of the piece, its open work items with their bound operators and time logs, the pinned graph and
 * the order. 404 `TOKEN_NOT_FOUND` for an unknown token. Call inside the command's transaction.
 */
export async function loadPieceForUpdate(tx: Tx, tokenId: string): Promise<LoadedPiece> {
  const { pieces } = await loadPiecesForUpdate(tx, [tokenId]);
  const [piece] = pieces;
  if (piece === undefined) throw new HttpProblem(404, 'TOKEN_NOT_FOUND', `No token has the id "${tokenId}".`);
  return piece;
}

// ---------------------------------------------------------------------------------------------
// Persisting
// ---------------------------------------------------------------------------------------------

type Placement = NewPiecePlacement;

/** Order and version of every token the effects mention: loaded ones, then new ones in insertion order. */
function placeTokens(effects: Effects, context: PersistContext): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const loaded of context.pieces) {
    for (const token of loaded.piece.tokens) placements.set(token.id, { order: loaded.order, version: loaded });
  }
  for (const token of effects.tokens.insert) {
    const parent = token.parentId === null ? undefined : placements.get(token.parentId);
    if (parent !== undefined) {
      placements.set(token.id, parent);
      continue;
    }
    if (context.placeNewPiece === undefined) throw new Error(`New token ${token.id} has no placement: pass placeNewPiece`);
    placements.set(token.id, context.placeNewPiece(token));
  }
  return placements;
}

function placementOf(placements: ReadonlyMap<string, Placement>, tokenId: string): Placement {
  const placement = placements.get(tokenId);
  if (placement === undefined) throw new Error(`Token ${tokenId} is not part of the persisted step`);
  return placement;
}

/** Work center ids by code, for the work centers the effects' work items are at. */
async function workCenterIds(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.workCenter.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { id: true, code: true } });
  return new Map(rows.map((row) => [row.code, row.id]));
}

function nodeOf(placement: Placement, nodeKey: string): GraphNode | undefined {
  return placement.version.graph.nodes.find((node) => node.key === nodeKey);
}

/** Cancellation type and reason per cancelled token, read from the step's `token.cancelled` events. */
function cancellations(events: readonly DomainEvent[]): Map<string, { type: CancellationType; reason: string }> {
  const byToken = new Map<string, { type: CancellationType; reason: string }>();
  for (const event of events) {
    if (event.type !== 'token.cancelled') continue;
    byToken.set(event.tokenId, { type: event.data.cancellation as CancellationType, reason: String(event.data.reason ?? '') });
  }
  return byToken;
}

function tokenColumns(token: Token, now: Date, cancelled: ReturnType<typeof cancellations>) {
  const cancellation = cancelled.get(token.id);
  return {
    state: token.state,
    currentNodeKey: token.nodeKey,
    reworkPasses: token.reworkPasses,
    updatedAt: now,
    ...(token.state === 'completed' && { completedAt: now }),
    ...(token.state === 'cancelled' && { cancelledAt: now }),
    ...(cancellation && { cancellationType: cancellation.type, cancellationReason: cancellation.reason }),
  };
}

const TOKEN_COLUMNS: readonly BulkColumn<Prisma.TokenCreateManyInput>[] = [
  { name: 'id', type: 'uuid', value: (row) => row.id ?? null },
  { name: 'serial', type: 'text', value: (row) => row.serial },
  { name: 'mo_id', type: 'uuid', value: (row) => row.moId ?? null },
  { name: 'atelier_job_id', type: 'uuid', value: (row) => row.atelierJobId ?? null },
  { name: 'graph_version_id', type: 'uuid', value: (row) => row.graphVersionId },
  { name: 'parent_id', type: 'uuid', value: (row) => row.parentId ?? null },
  { name: 'replaces_id', type: 'uuid', value: (row) => row.replacesId ?? null },
  { name: 'attributes', type: 'jsonb', value: (row) => row.attributes as object },
  { name: 'state', type: 'token_state', value: (row) => row.state ?? 'active' },
  { name: 'current_node_key', type: 'text', value: (row) => row.currentNodeKey },
  { name: 'rework_passes', type: 'jsonb', value: (row) => row.reworkPasses as object },
  { name: 'cancellation_type', type: 'cancellation_type', value: (row) => row.cancellationType ?? null },
  { name: 'cancellation_reason', type: 'text', value: (row) => row.cancellationReason ?? null },
  { name: 'created_at', type: 'timestamptz', value: (row) => row.createdAt as Date },
  { name: 'updated_at', type: 'timestamptz', value: (row) => row.updatedAt as Date },
  { name: 'completed_at', type: 'timestamptz', value: (row) => (row.completedAt as Date | undefined) ?? null },
  { name: 'cancelled_at', type: 'timestamptz', value: (row) => (row.cancelledAt as Date | undefined) ?? null },
];

async function insertTokens(tx: Tx, effects: Effects, placements: ReadonlyMap<string, Placement>, context: PersistContext, cancelled: ReturnType<typeof cancellations>): Promise<void> {
  const rows = effects.tokens.insert.map((token): Prisma.TokenCreateManyInput => {
    const { order, version } = placementOf(placements, token.id);
    return {
      id: token.id,
      serial: token.serial,
      ...(order.kind === 'manufacturingOrder' ? { moId: order.id } : { atelierJobId: order.id }),
      graphVersionId: version.graphVersionId,
      parentId: token.parentId,
      replacesId: token.replacesId,
      attributes: token.attributes as Prisma.InputJsonObject,
      createdAt: context.now,
      ...tokenColumns(token, context.now, cancelled),
    };
  });
  await bulkInsert(tx, 'tokens', TOKEN_COLUMNS, rows);
}

async function updateTokens(tx: Tx, effects: Effects, context: PersistContext, cancelled: ReturnType<typeof cancellations>): Promise<void> {
  for (const token of effects.tokens.update) {
    await tx.token.update({ where: { id: token.id }, data: { ...tokenColumns(token, context.now, cancelled), version: { increment: 1 } } });
  }
}

/** Columns a work item's state determines, shared by inserts and updates. */
function workItemStateColumns(item: WorkItem) {
  return {
    state: item.state,
    assigneeId: item.operators[0] ?? null,
    qcResult: item.qc?.result ?? null,
    qcReasonCodes: item.qc?.reasonCodes ?? [],
    updatedAt: item.updatedAt,
    startedAt: item.timeLogs.find((entry) => entry.kind === 'start')?.at ?? null,
    completedAt: item.state === 'completed' ? item.updatedAt : null,
  };
}

/** When an assigned item must be started by, counted from the claim (`updatedAt` of the claiming step). */
function claimDeadline(item: WorkItem, node: GraphNode | undefined): Date | null {
  if (item.state !== 'assigned') return null;
  return new Date(item.updatedAt.getTime() + (node?.config?.claimTimeoutMinutes ?? 30) * 60_000);
}

const WORK_ITEM_COLUMNS: readonly BulkColumn<Prisma.WorkItemCreateManyInput>[] = [
  { name: 'id', type: 'uuid', value: (row) => row.id ?? null },
  { name: 'token_id', type: 'uuid', value: (row) => row.tokenId },
  { name: 'node_key', type: 'text', value: (row) => row.nodeKey },
  { name: 'visit', type: 'int', value: (row) => row.visit ?? 1 },
  { name: 'state', type: 'work_item_state', value: (row) => row.state ?? 'ready' },
  { name: 'work_center_id', type: 'uuid', value: (row) => row.workCenterId ?? null },
  { name: 'assignee_id', type: 'uuid', value: (row) => row.assigneeId ?? null },
  { name: 'priority', type: 'int', value: (row) => row.priority ?? 0 },
  { name: 'standard_minutes', type: 'int', value: (row) => row.standardMinutes ?? null },
  { name: 'claim_deadline', type: 'timestamptz', value: (row) => (row.claimDeadline as Date | null | undefined) ?? null },
  { name: 'qc_result', type: 'qc_result', value: (row) => row.qcResult ?? null },
  {
    name: 'qc_reason_codes',
    type: 'jsonb',
    value: (row) => (row.qcReasonCodes as string[] | undefined) ?? [],
    expression: (ref) => `ARRAY(SELECT jsonb_array_elements_text(${ref}))`,
  },
  { name: 'created_at', type: 'timestamptz', value: (row) => row.createdAt as Date },
  { name: 'updated_at', type: 'timestamptz', value: (row) => row.updatedAt as Date },
  { name: 'started_at', type: 'timestamptz', value: (row) => (row.startedAt as Date | null | undefined) ?? null },
  { name: 'completed_at', type: 'timestamptz', value: (row) => (row.completedAt as Date | null | undefined) ?? null },
];

async function insertWorkItems(tx: Tx, effects: Effects, placements: ReadonlyMap<string, Placement>): Promise<void> {
  const items = effects.workItems.insert;
  if (items.length === 0) return;
  const nodes = items.map((item) => nodeOf(placementOf(placements, item.tokenId), item.nodeKey));
  const centers = await workCenterIds(tx, nodes.flatMap((node) => (node?.config?.workCenter === undefined ? [] : [node.config.workCenter])));
  // A token visits a node again after rework: count its earlier visits (only existing tokens can have any).
  const newTokens = new Set(effects.tokens.insert.map((token) => token.id));
  const existingTokens = [...new Set(items.map((item) => item.tokenId))].filter((id) => !newTokens.has(id));
  const earlier =
    existingTokens.length === 0
      ? []
      : await tx.workItem.groupBy({ by: ['tokenId', 'nodeKey'], where: { tokenId: { in: existingTokens } }, _count: { _all: true } });
  const visits = new Map(earlier.map((row) => [`${row.tokenId}:${row.nodeKey}`, row._count._all]));
  const rows = items.map((item, index): Prisma.WorkItemCreateManyInput => {
    const node = nodes[index];
    const visitKey = `${item.tokenId}:${item.nodeKey}`;
    const visit = (visits.get(visitKey) ?? 0) + 1;
    visits.set(visitKey, visit);
    const workCenter = node?.config?.workCenter;
    return {
      id: item.id,
      tokenId: item.tokenId,
      nodeKey: item.nodeKey,
      visit,
      workCenterId: workCenter === undefined ? null : (centers.get(workCenter) ?? null),
      priority: placementOf(placements, item.tokenId).order.priority,
      standardMinutes: node?.config?.standardMinutes === undefined ? null : Math.round(node.config.standardMinutes),
      claimDeadline: claimDeadline(item, node),
      createdAt: item.createdAt,
      ...workItemStateColumns(item),
    };
  });
  await bulkInsert(tx, 'work_items', WORK_ITEM_COLUMNS, rows);
  await writeOperatorsAndTimeLogs(tx, items, new Map());
}

type StoredWork = { operators: { userId: string; leftAt: Date | null }[]; timeLogs: ({ id: string } & TimeLogInterval)[]; claimDeadline: Date | null };

/**
 * Brings `work_item_operators` and `time_logs` in line with the domain records: operators bound now
 * are open rows (re-joining reopens one), others are closed; time-log intervals are matched per
 * operator in time order, so earlier intervals keep their rows and only new ones are inserted.
 */
async function writeOperatorsAndTimeLogs(tx: Tx, items: readonly WorkItem[], stored: ReadonlyMap<string, StoredWork>): Promise<void> {
  const newLogs: Prisma.TimeLogCreateManyInput[] = [];
  const newOperators: Prisma.WorkItemOperatorCreateManyInput[] = [];
  for (const item of items) {
    const before = stored.get(item.id) ?? { operators: [], timeLogs: [], claimDeadline: null };
    const closed = !isOpenWorkItemState(item.state);
    for (const userId of item.operators) {
      const row = before.operators.find((operator) => operator.userId === userId);
      if (row === undefined) newOperators.push({ workItemId: item.id, userId, joinedAt: item.updatedAt, leftAt: closed ? item.updatedAt : null });
      else if (row.leftAt !== null && !closed) await tx.workItemOperator.update({ where: { workItemId_userId: { workItemId: item.id, userId } }, data: { leftAt: null, joinedAt: item.updatedAt } });
    }
    const leaving = before.operators.filter((operator) => operator.leftAt === null && (closed || !item.operators.includes(operator.userId))).map((operator) => operator.userId);
    if (leaving.length > 0) {
      await tx.workItemOperator.updateMany({ where: { workItemId: item.id, userId: { in: leaving }, leftAt: null }, data: { leftAt: item.updatedAt } });
    }

    const seen = new Map<string, number>();
    for (const interval of toIntervals(item.timeLogs)) {
      const index = seen.get(interval.userId) ?? 0;
      seen.set(interval.userId, index + 1);
      const row = before.timeLogs.filter((log) => log.userId === interval.userId)[index];
      if (row === undefined) newLogs.push({ workItemId: item.id, ...interval });
      else if (row.endedAt === null && interval.endedAt !== null) {
        await tx.timeLog.update({ where: { id: row.id }, data: { endedAt: interval.endedAt, endReason: interval.endReason } });
      }
    }
  }
  if (newOperators.length > 0) await tx.workItemOperator.createMany({ data: newOperators });
  if (newLogs.length > 0) await tx.timeLog.createMany({ data: newLogs });
}

async function updateWorkItems(tx: Tx, effects: Effects, placements: ReadonlyMap<string, Placement>): Promise<void> {
  const items = effects.workItems.update;
  if (items.length === 0) return;
  const rows = await tx.workItem.findMany({
    where: { id: { in: items.map((item) => item.id) } },
    select: {
      id: true,
      claimDeadline: true,
      operators: { select: { userId: true, leftAt: true } },
      timeLogs: { orderBy: [{ startedAt: 'asc' }, { id: 'asc' }], select: { id: true, userId: true, startedAt: true, endedAt: true, endReason: true } },
    },
  });
  const stored = new Map<string, StoredWork>(rows.map((row) => [row.id, row]));
  for (const item of items) {
    // Keep the deadline of an item still assigned (a colleague joining does not extend it).
    const deadline = stored.get(item.id)?.claimDeadline ?? claimDeadline(item, nodeOf(placementOf(placements, item.tokenId), item.nodeKey));
    await tx.workItem.update({
      where: { id: item.id },
      data: { ...workItemStateColumns(item), claimDeadline: item.state === 'assigned' ? deadline : null, version: { increment: 1 } },
    });
  }
  await writeOperatorsAndTimeLogs(tx, items, stored);
}

async function insertInbox(tx: Tx, effects: Effects, placements: ReadonlyMap<string, Placement>): Promise<void> {
  if (effects.inbox.length === 0) return;
  await tx.inboxItem.createMany({
    data: effects.inbox.map((item) => {
      const { order } = placementOf(placements, item.tokenId);
      return {
        id: item.id,
        kind: item.kind,
        nodeKey: item.nodeKey,
        payload: item.data as Prisma.InputJsonObject,
        ...(order.kind === 'manufacturingOrder' ? { moId: order.id } : { atelierJobId: order.id }),
        tokenId: item.tokenId,
        workItemId: item.workItemId,
        createdAt: item.createdAt,
      };
    }),
  });
}

/** A cancelled piece needs no more decisions: its open inbox items are resolved with it. */
async function closeInboxOfCancelled(tx: Tx, effects: Effects, now: Date): Promise<void> {
  const cancelled = effects.tokens.update.filter((token) => token.state === 'cancelled').map((token) => token.id);
  if (cancelled.length === 0) return;
  await tx.inboxItem.updateMany({ where: { tokenId: { in: cancelled }, status: 'open' }, data: { status: 'resolved', resolvedAt: now } });
}

async function changeOrderQuantities(tx: Tx, effects: Effects, placements: ReadonlyMap<string, Placement>, now: Date): Promise<void> {
  const orders = new Map([...placements.values()].map(({ order }) => [order.id, order]));
  for (const change of effects.orders) {
    const order = orders.get(change.orderId);
    if (order === undefined) throw new Error(`Order ${change.orderId} is not part of the persisted step`);
    const data = { updatedAt: now };
    if (order.kind === 'manufacturingOrder') {
      await tx.manufacturingOrder.update({ where: { id: order.id }, data: { ...data, targetQuantity: { increment: change.targetQuantityDelta } } });
    } else {
      await tx.atelierJob.update({ where: { id: order.id }, data: { ...data, quantity: { increment: change.targetQuantityDelta } } });
    }
  }
}

function toPieceEvents(effects: Effects, placements: ReadonlyMap<string, Placement>, centers: ReadonlyMap<string, string>, actor: string | null): NewEvent[] {
  return effects.events.map((event) => {
    const placement = placementOf(placements, event.tokenId);
    const workCenter = nodeOf(placement, event.nodeKey)?.config?.workCenter;
    const operatorId = event.data.operatorId;
    return {
      type: event.type,
      at: event.at,
      actor,
      orderId: placement.order.id,
      tokenId: event.tokenId,
      workItemId: event.workItemId ?? null,
      nodeKey: event.nodeKey,
      workCenterId: workCenter === undefined ? null : (centers.get(workCenter) ?? null),
      operatorId: typeof operatorId === 'string' ? operatorId : null,
      data: { nodeKey: event.nodeKey, ...event.data },
    };
  });
}

/**
 * Writes a domain step's `Effects` in the caller's transaction: new and changed tokens (with
 * cancellation type and reason), work items with their operators and time logs, inbox items,
 * order target quantities, resolves open inbox items of cancelled tokens, marks released orders
 * in progress once work on them moves, and closes orders whose last piece it finished. Returns the events to insert in the same transaction
 * (`runCommand` does): one per domain event in causal order, then any `order.started`,
 * `order.completed` / `order.cancelled`.
 */
export async function persistEffects(tx: Tx, effects: Effects, context: PersistContext): Promise<NewEvent[]> {
  const placements = placeTokens(effects, context);
  const cancelled = cancellations(effects.events);
  // Parents first: a child's row references its parent's, and a replacement the row it replaces.
  await updateTokens(tx, effects, context, cancelled);
  await insertTokens(tx, effects, placements, context, cancelled);
  await updateWorkItems(tx, effects, placements);
  await insertWorkItems(tx, effects, placements);
  await insertInbox(tx, effects, placements);
  await closeInboxOfCancelled(tx, effects, context.now);
  await changeOrderQuantities(tx, effects, placements, context.now);
  const codes = effects.events.flatMap((event) => {
    const code = nodeOf(placementOf(placements, event.tokenId), event.nodeKey)?.config?.workCenter;
    return code === undefined ? [] : [code];
  });
  const pieceEvents = toPieceEvents(effects, placements, await workCenterIds(tx, codes), context.actor);
  const orderOf = (tokenId: string) => placementOf(placements, tokenId).order;
  const started = await markOrdersStarted(tx, effects, context.pieces, context.actor, context.now);
  return [...pieceEvents, ...started, ...(await settleOrders(tx, effects, orderOf, context.actor, context.now))];
}
