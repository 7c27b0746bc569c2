import { parseGraph } from '@atelier/domain';
import type { Database } from '../../../db/database.ts';
import type { NodeCount, OrderProgress, RoutingRef } from './order.schema.ts';
import { decodeCursor, toPage } from './pagination.ts';

/**
 * Read-side queries shared by manufacturing orders and atelier jobs: piece progress and live
 * counts per node. Tokens and work items of both kinds of order live in the same tables and differ
 * only in the column linking them to their order.
 */

/** Which kind of order a token belongs to, i.e. which column links it. */
export type OrderKind = 'manufacturingOrder' | 'atelierJob';

const ORDER_COLUMN: Record<OrderKind, string> = {
  manufacturingOrder: 'mo_id',
  atelierJob: 'atelier_job_id',
};

/** Pieces of one order by state; only top-level tokens count (components belong to their piece). */
export interface PieceCounts {
  completed: number;
  inFlight: number;
  cancelled: number;
}

const NO_PIECES: PieceCounts = { completed: 0, inFlight: 0, cancelled: 0 };

/** Counts the pieces of each given order by state, in one query. Orders without pieces are absent. */
export async function countPieces(db: Database, kind: OrderKind, orderIds: readonly string[]): Promise<Map<string, PieceCounts>> {
  const counts = new Map<string, PieceCounts>();
  if (orderIds.length === 0) return counts;
  const column = ORDER_COLUMN[kind];
  const rows = await db.query<{ order_id: string; completed: number; in_flight: number; cancelled: number }>(
    `SELECT ${column} AS order_id,
            count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE state IN ('active', 'waiting'))::int AS in_flight,
            count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled
       FROM tokens
      WHERE ${column} = ANY($1::uuid[]) AND parent_id IS NULL
      GROUP BY ${column}`,
    [orderIds],
  );
  for (const row of rows) {
    counts.set(row.order_id, { completed: row.completed, inFlight: row.in_flight, cancelled: row.cancelled });
  }
  return counts;
}

/** Progress of an order against its target quantity. */
export function toProgress(counts: PieceCounts | undefined, quantity: number): OrderProgress {
  const { completed, inFlight, cancelled } = counts ?? NO_PIECES;
  return { completed, inFlight, cancelled, notReleased: Math.max(0, quantity - completed - inFlight) };
}

/** The routing reference of an order: graph code and name, and the version it was released on. */
export function toRoutingRef(
  graph: { code: string; name: string } | null,
  graphVersion: { number: number } | null,
): RoutingRef | null {
  return graph === null ? null : { code: graph.code, name: graph.name, version: graphVersion?.number ?? null };
}

/** A `date` column as `YYYY-MM-DD` (Prisma reads it as midnight UTC). */
export function toIsoDate(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

type NodeCountRow = { node_key: string; active: number; waiting: number; ready: number; assigned: number; in_progress: number; paused: number };

/**
 * Live counts per node of one order: tokens in flight at each node and its open work items,
 * listed in the order of the routing's nodes (all of them, zero or not, so a heat map can show the
 * whole graph), followed by any other node a token still sits on (e.g. of an older version).
 */
export async function countByNode(db: Database, kind: OrderKind, orderId: string, graphBody: unknown): Promise<NodeCount[]> {
  const column = ORDER_COLUMN[kind];
  const rows = await db.query<NodeCountRow>(
    `WITH token_counts AS (
       SELECT current_node_key AS node_key,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              count(*) FILTER (WHERE state = 'waiting')::int AS waiting
         FROM tokens
        WHERE ${column} = $1::uuid AND state IN ('active', 'waiting') AND current_node_key IS NOT NULL
        GROUP BY current_node_key
     ), item_counts AS (
       SELECT w.node_key,
              count(*) FILTER (WHERE w.state = 'ready')::int AS ready,
              count(*) FILTER (WHERE w.state = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE w.state = 'in_progress')::int AS in_progress,
              count(*) FILTER (WHERE w.state = 'paused')::int AS paused
         FROM work_items w JOIN tokens t ON t.id = w.token_id
        WHERE t.${column} = $1::uuid AND w.state IN ('ready', 'assigned', 'in_progress', 'paused')
        GROUP BY w.node_key
     )
     SELECT coalesce(tc.node_key, ic.node_key) AS node_key,
            coalesce(tc.active, 0) AS active, coalesce(tc.waiting, 0) AS waiting,
            coalesce(ic.ready, 0) AS ready, coalesce(ic.assigned, 0) AS assigned,
            coalesce(ic.in_progress, 0) AS in_progress, coalesce(ic.paused, 0) AS paused
       FROM token_counts tc FULL JOIN item_counts ic ON ic.node_key = tc.node_key`,
    [orderId],
  );
  const byKey = new Map(rows.map((row) => [row.node_key, row]));
  const parsed = parseGraph(graphBody);
  const graphNodes = parsed.ok ? parsed.graph.nodes : [];
  const known = new Set(graphNodes.map((node) => node.key));
  const nodes = [
    ...graphNodes.map((node) => ({ key: node.key, name: node.name, type: node.type })),
    ...rows.filter((row) => !known.has(row.node_key)).map((row) => ({ key: row.node_key, name: row.node_key, type: 'unknown' })),
  ];
  return nodes.map((node) => {
    const row = byKey.get(node.key);
    return {
      nodeKey: node.key,
      name: node.name,
      type: node.type,
      active: row?.active ?? 0,
      waiting: row?.waiting ?? 0,
      workItems: {
        ready: row?.ready ?? 0,
        assigned: row?.assigned ?? 0,
        inProgress: row?.in_progress ?? 0,
        paused: row?.paused ?? 0,
      },
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looks an order up by UUID or by code, so URLs can carry either (`/manufacturing-orders/MO-2026-0012`). */
export function byIdOrCode(idOrCode: string): { id: string } | { code: string } {
  return UUID.test(idOrCode) ? { id: idOrCode.toLowerCase() } : { code: idOrCode };
}

/** `findMany` arguments for a page of orders of either kind, newest code first, after `cursor`. */
export function orderPageArgs(cursor: string | undefined, limit: number) {
  return {
    where: cursor === undefined ? {} : { code: { lt: decodeCursor(cursor) } },
    orderBy: { code: 'desc' as const },
    take: limit + 1,
  };
}

/** A page of orders from rows fetched with {@link orderPageArgs}, each shown with its piece counts. */
export async function toOrderPage<Row extends { id: string; code: string }, Item>(
  db: Database,
  kind: OrderKind,
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row, pieces: Map<string, PieceCounts>) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const pieces = await countPieces(db, kind, rows.slice(0, limit).map((row) => row.id));
  return toPage(rows, limit, (row) => row.code, (row) => toItem(row, pieces));
}
