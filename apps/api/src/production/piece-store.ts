import {
  workItemLimits,
  type PieceSnapshot,
  type RoutingGraph,
  type Token,
  type TokenState,
  type WorkItem,
} from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { jsonColumn } from '../db/json-column.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { OrderStatus, TimeLogEndReason, WorkItemState } from '../generated/prisma/enums.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { OrderKind } from '@atelier/contracts';
import { pinnedGraph } from './pinned-graph.ts';
import { toEntries } from './time-log-intervals.ts';

/**
 * The piece store: loads pieces (a root token, all its descendants and their open work items) as
 * the domain's `PieceSnapshot`, with the root's `piece_version`; `persist-effects.ts` writes a
 * domain step back. A routing command reads its piece without a lock and writes the step with one
 * statement guarded by that version (see docs/api-conventions.md); bulk commands lock first.
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

/** One piece as read, ready for a domain step. */
export interface LoadedPiece extends PinnedVersion {
  readonly rootTokenId: string;
  /** The root's `piece_version` when read: the step is written only if it is unchanged. */
  readonly pieceVersion: number;
  readonly order: OrderRef;
  readonly piece: PieceSnapshot;
  /** The claim deadline of each of its assigned work items, by id (the domain's record has none). */
  readonly claimDeadlines: ReadonlyMap<string, Date>;
}

/** A work-item row as read by the piece store and the work-item commands. */
export interface WorkItemRecord {
  readonly id: string;
  readonly tokenId: string;
  readonly nodeKey: string;
  readonly state: WorkItemState;
  readonly assigneeId: string | null;
  readonly qcResult: 'pass' | 'fail' | 'rework' | null;
  readonly qcReasonCodes: string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Open operators (joined, not left) in joining order. */
  readonly operators: readonly string[];
  readonly timeLogs: readonly {
    userId: string;
    startedAt: Date;
    endedAt: Date | null;
    endReason: TimeLogEndReason | null;
  }[];
}

/** A work-item row as the domain's record; the holder (assignee) comes first among its operators. */
export function toDomainWorkItem(row: WorkItemRecord, graph: RoutingGraph): WorkItem {
  const node = graph.nodes.find((candidate) => candidate.key === row.nodeKey);
  const bound = row.operators;
  const operators =
    row.assigneeId !== null && bound.includes(row.assigneeId)
      ? [row.assigneeId, ...bound.filter((id) => id !== row.assigneeId)]
      : [...bound];
  return {
    id: row.id,
    tokenId: row.tokenId,
    nodeKey: row.nodeKey,
    kind: node?.type === 'qc' ? 'qc' : 'operation',
    state: row.state,
    ...workItemLimits(node),
    operators,
    timeLogs: toEntries(row.timeLogs),
    qc: row.qcResult === null ? null : { result: row.qcResult, reasonCodes: row.qcReasonCodes },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const date = (value: string): Date => new Date(value);
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

interface TokenJson {
  id: string;
  serial: string;
  parentId: string | null;
  replacesId: string | null;
  state: TokenState;
  nodeKey: string;
  attributes: Token['attributes'];
  reworkPasses: Record<string, number>;
}

/** A work item's open operators and time log as {@link WORK_ITEM_PEOPLE_JSON} gives them. */
export interface WorkItemPeopleJson {
  operators: string[];
  timeLogs: { userId: string; startedAt: string; endedAt: string | null; endReason: TimeLogEndReason | null }[];
}

interface WorkItemJson extends WorkItemPeopleJson {
  id: string;
  tokenId: string;
  nodeKey: string;
  state: WorkItemState;
  assigneeId: string | null;
  qcResult: WorkItemRecord['qcResult'];
  qcReasonCodes: string[];
  createdAt: string;
  updatedAt: string;
  claimDeadline: string | null;
}

/** The JSON of a work item's open operators and its whole time log (`w` is the work item). */
export const WORK_ITEM_PEOPLE_JSON = `
  'operators', COALESCE((SELECT json_agg(o.user_id ORDER BY o.joined_at, o.user_id) FROM work_item_operators o
                          WHERE o.work_item_id = w.id AND o.left_at IS NULL), '[]'),
  'timeLogs', COALESCE((SELECT json_agg(json_build_object('userId', l.user_id, 'startedAt', l.started_at, 'endedAt', l.ended_at,
                                                          'endReason', l.end_reason) ORDER BY l.started_at, l.id)
                          FROM time_logs l WHERE l.work_item_id = w.id), '[]')`;

/** Reads a work item's people JSON (see {@link WORK_ITEM_PEOPLE_JSON}) with dates as dates. */
export function timeLogsOf(rows: WorkItemJson['timeLogs']): WorkItemRecord['timeLogs'] {
  return rows.map((log) => ({
    userId: log.userId,
    startedAt: date(log.startedAt),
    endedAt: dateOrNull(log.endedAt),
    endReason: log.endReason,
  }));
}

// A walk step of the piece's token tree as an index probe per token reached (`OFFSET 0` keeps the
// subquery from being flattened into a join): the planner cannot estimate a recursive walk and,
// left to itself, hash-joins it against every token ever made, a cost that grows with history.
const parentOf = (walk: string) =>
  `LATERAL (SELECT p.id, p.parent_id FROM tokens p WHERE p.id = ${walk}.parent_id OFFSET 0)`;
const childrenOf = (walk: string) => `LATERAL (SELECT c.id FROM tokens c WHERE c.parent_id = ${walk}.id OFFSET 0)`;

/** CTE `up`: the tokens matching `origins` (a condition on `tokens`) and their ancestors, each with its `origin`; a row with `parent_id IS NULL` is a root. */
export const upToRoots = (origins: string): string => `
  up AS (
    SELECT id AS origin, id, parent_id FROM tokens WHERE ${origins}
    UNION ALL
    SELECT up.origin, t.id, t.parent_id FROM up CROSS JOIN ${parentOf('up')} t
  )`;

/**
 * ONE round trip for any number of pieces (`$1` token ids, or `$2` a work item id): the roots of
 * the tokens (or of the work item's token), then per root its order, every token of the piece and
 * its open work items with their operators and time logs, as JSON.
 */
export const LOAD_PIECES_SQL = `
  WITH RECURSIVE ${upToRoots('id = ANY($1::uuid[]) OR id = (SELECT token_id FROM work_items WHERE id = $2::uuid)')},
  origins AS (SELECT origin, id AS root FROM up WHERE parent_id IS NULL),
  down AS (
    SELECT id, id AS root FROM tokens WHERE id IN (SELECT root FROM origins)
    UNION ALL
    SELECT t.id, down.root FROM down CROSS JOIN ${childrenOf('down')} t
  )
  SELECT r.id AS "rootTokenId", r.piece_version AS "pieceVersion", r.graph_version_id AS "graphVersionId",
         (SELECT json_agg(o.origin) FROM origins o WHERE o.root = r.id) AS origins,
         r.mo_id IS NOT NULL AS "isManufacturingOrder",
         COALESCE(mo.id, aj.id) AS "orderId", COALESCE(mo.code, aj.code) AS "orderCode",
         COALESCE(mo.priority, aj.priority) AS "orderPriority", COALESCE(mo.status, aj.status)::text AS "orderStatus",
         (SELECT json_agg(json_build_object('id', t.id, 'serial', t.serial, 'parentId', t.parent_id, 'replacesId', t.replaces_id,
                 'state', t.state, 'nodeKey', t.current_node_key, 'attributes', t.attributes, 'reworkPasses', t.rework_passes)
                 ORDER BY t.created_at, t.serial)
            FROM down d JOIN tokens t ON t.id = d.id WHERE d.root = r.id) AS tokens,
         COALESCE((SELECT json_agg(json_build_object('id', w.id, 'tokenId', w.token_id, 'nodeKey', w.node_key, 'state', w.state,
                 'assigneeId', w.assignee_id, 'qcResult', w.qc_result, 'qcReasonCodes', w.qc_reason_codes,
                 'createdAt', w.created_at, 'updatedAt', w.updated_at, 'claimDeadline', w.claim_deadline, ${WORK_ITEM_PEOPLE_JSON})
                 ORDER BY w.created_at, w.id)
            FROM down d JOIN work_items w ON w.token_id = d.id
           WHERE d.root = r.id AND w.state IN ('ready', 'assigned', 'in_progress', 'paused')), '[]') AS "workItems"
    FROM tokens r
    LEFT JOIN manufacturing_orders mo ON mo.id = r.mo_id
    LEFT JOIN atelier_jobs aj ON aj.id = r.atelier_job_id
   WHERE r.id IN (SELECT root FROM origins)
   ORDER BY r.id`;

interface PieceRow {
  rootTokenId: string;
  pieceVersion: number;
  graphVersionId: string;
  origins: unknown;
  isManufacturingOrder: boolean;
  orderId: string;
  orderCode: string;
  orderPriority: number;
  orderStatus: OrderStatus;
  tokens: unknown;
  workItems: unknown;
}

/** Which pieces to load: those of some tokens, or the piece of one work item. */
export type PieceSelector = { readonly tokenIds: readonly string[] } | { readonly workItemId: string };

/** Loaded pieces sorted by root id, and the root of each requested token (unknown ids are absent). */
export interface LoadedPieces {
  readonly pieces: LoadedPiece[];
  readonly rootOf: Map<string, string>;
}

/** Reads pieces without a lock (one round trip, plus one per graph version not yet cached). */
export async function loadPieces(db: SqlRunner, selector: PieceSelector): Promise<LoadedPieces> {
  const tokenIds = 'tokenIds' in selector ? [...selector.tokenIds] : [];
  const workItemId = 'workItemId' in selector ? selector.workItemId : null;
  const rows = await db.query<PieceRow>(LOAD_PIECES_SQL, [tokenIds, workItemId], { name: 'load-pieces' });
  const rootOf = new Map<string, string>();
  const pieces: LoadedPiece[] = [];
  for (const row of rows) {
    for (const origin of jsonColumn<string[]>(row.origins)) rootOf.set(origin, row.rootTokenId);
    const graph = await pinnedGraph(db, row.graphVersionId);
    const kind: OrderKind = row.isManufacturingOrder ? 'manufacturingOrder' : 'atelierJob';
    const tokens = jsonColumn<TokenJson[]>(row.tokens).map((token): Token => ({ ...token, orderId: row.orderId }));
    const rows = jsonColumn<WorkItemJson[]>(row.workItems);
    const workItems = rows.map((item) =>
      toDomainWorkItem(
        {
          ...item,
          createdAt: date(item.createdAt),
          updatedAt: date(item.updatedAt),
          timeLogs: timeLogsOf(item.timeLogs),
        },
        graph,
      ),
    );
    const claimDeadlines = new Map(
      rows.flatMap((item) => (item.claimDeadline === null ? [] : [[item.id, date(item.claimDeadline)] as const])),
    );
    pieces.push({
      rootTokenId: row.rootTokenId,
      pieceVersion: Number(row.pieceVersion),
      graphVersionId: row.graphVersionId,
      graph,
      order: {
        id: row.orderId,
        kind,
        code: row.orderCode,
        priority: Number(row.orderPriority),
        status: row.orderStatus,
      },
      piece: { tokens, workItems },
      claimDeadlines,
    });
  }
  return { pieces, rootOf };
}

// The root token of each given token, locked in id order so overlapping bulk commands never deadlock.
const LOCK_ROOTS_SQL = `
  WITH RECURSIVE ${upToRoots('id = ANY($1::uuid[])')}
  SELECT id FROM tokens WHERE id IN (SELECT id FROM up WHERE parent_id IS NULL) ORDER BY id FOR UPDATE`;

/**
 * Locks the pieces of the given tokens (their root token rows, `FOR UPDATE`, in sorted id order)
 * and loads them: for bulk commands in a transaction (`tx`), which then write with no conflict.
 */
export async function loadPiecesForUpdate(tx: SqlRunner, tokenIds: readonly string[]): Promise<LoadedPieces> {
  await tx.query(LOCK_ROOTS_SQL, [[...tokenIds]]);
  // A new statement, so it reads what committed before the locks were granted.
  return loadPieces(tx, { tokenIds });
}

/** {@link loadPiecesForUpdate} for one token's piece; 404 `TOKEN_NOT_FOUND` for an unknown token. */
export async function loadPieceForUpdate(tx: SqlRunner, tokenId: string): Promise<LoadedPiece> {
  const { pieces } = await loadPiecesForUpdate(tx, [tokenId]);
  const [piece] = pieces;
  if (piece === undefined) throw new HttpProblem(404, 'TOKEN_NOT_FOUND', `No token has the id "${tokenId}".`);
  return piece;
}
