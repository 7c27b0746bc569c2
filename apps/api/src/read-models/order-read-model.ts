import { parseGraph } from '@atelier/domain';
import type { Database } from '../db/database.ts';
import type { NodeCount, OrderKind, OrderProgress, RoutingRef } from '@atelier/contracts';
import { loadTokenGroups, orderColumn, type TokenGroup } from './order-token-groups.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';

/**
 * Read-side queries shared by manufacturing orders and atelier jobs: piece progress and live
 * counts per node. Tokens and work items of both kinds of order live in the same tables and differ
 * only in the column linking them to their order.
 */

/**
 * Pieces of one order by how they stand (see `orderProgressSchema`); components (split children)
 * belong to their piece and are never counted.
 */
export interface PieceCounts {
  completed: number;
  inFlight: number;
  scrapped: number;
  cancelled: number;
  replacements: number;
}

const NO_PIECES: PieceCounts = { completed: 0, inFlight: 0, scrapped: 0, cancelled: 0, replacements: 0 };

/** Sums the piece groups of each order by standing. Orders without pieces are absent. */
function sumPieces(groups: readonly TokenGroup[]): Map<string, PieceCounts> {
  const counts = new Map<string, PieceCounts>();
  for (const group of groups) {
    if (!group.piece) continue;
    const sum = counts.get(group.orderId) ?? { ...NO_PIECES };
    const field = group.standing === 'active' || group.standing === 'waiting' ? 'inFlight' : group.standing;
    sum[field] += group.tokens;
    if (group.replacement && (field === 'inFlight' || field === 'completed')) sum.replacements += group.tokens;
    counts.set(group.orderId, sum);
  }
  return counts;
}

/** Counts the pieces of each given order by how they stand, in one query. Orders without pieces are absent. */
export async function countPieces(
  db: Database,
  kind: OrderKind,
  orderIds: readonly string[],
): Promise<Map<string, PieceCounts>> {
  return sumPieces(await loadTokenGroups(db, kind, orderIds));
}

/** Progress of an order against its target quantity: completed + in flight + not released = quantity. */
export function toProgress(counts: PieceCounts | undefined, quantity: number): OrderProgress {
  const pieces = counts ?? NO_PIECES;
  return { ...pieces, notReleased: Math.max(0, quantity - pieces.completed - pieces.inFlight) };
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

type ItemCountRow = { node_key: string; ready: number; assigned: number; in_progress: number; paused: number };

/** A node's counts before its work items are added. */
type TokenCounts = Pick<NodeCount, 'pieces' | 'components' | 'ended'>;

function noTokens(): TokenCounts {
  return {
    pieces: { active: 0, waiting: 0 },
    components: { active: 0, waiting: 0 },
    ended: { completed: 0, scrapped: 0, cancelled: 0 },
  };
}

/** Sums token groups per node: pieces and components in flight, pieces that left the routing there. */
function sumByNode(groups: readonly TokenGroup[]): Map<string, TokenCounts> {
  const byNode = new Map<string, TokenCounts>();
  for (const group of groups) {
    const counts = byNode.get(group.nodeKey) ?? noTokens();
    const { standing, tokens } = group;
    if (standing === 'active' || standing === 'waiting')
      counts[group.piece ? 'pieces' : 'components'][standing] += tokens;
    else counts.ended[standing] += tokens;
    byNode.set(group.nodeKey, counts);
  }
  return byNode;
}

/** Counts per node and the piece counts of one order, read from the same token groups so they agree. */
export interface OrderCounts {
  readonly pieces: Map<string, PieceCounts>;
  readonly nodes: NodeCount[];
}

/**
 * Live counts per node of one order — pieces and components in flight, pieces that ended there,
 * open work items — listed in the order of the routing's nodes (all of them, zero or not, so a
 * heat map can show the whole graph), followed by any other node a token is or ended on (e.g. of
 * another version); and the order's piece counts.
 */
export async function countOrder(
  db: Database,
  kind: OrderKind,
  orderId: string,
  graphBody: unknown,
): Promise<OrderCounts> {
  const groups = await loadTokenGroups(db, kind, [orderId]);
  const items = await db.query<ItemCountRow>(
    `SELECT w.node_key,
            count(*) FILTER (WHERE w.state = 'ready')::int AS ready,
            count(*) FILTER (WHERE w.state = 'assigned')::int AS assigned,
            count(*) FILTER (WHERE w.state = 'in_progress')::int AS in_progress,
            count(*) FILTER (WHERE w.state = 'paused')::int AS paused
       FROM work_items w JOIN tokens t ON t.id = w.token_id
      WHERE t.${orderColumn(kind)} = $1::uuid AND w.state IN ('ready', 'assigned', 'in_progress', 'paused')
      GROUP BY w.node_key`,
    [orderId],
  );
  const tokensByKey = sumByNode(groups);
  const itemsByKey = new Map(items.map((row) => [row.node_key, row]));
  const parsed = parseGraph(graphBody);
  const graphNodes = parsed.ok ? parsed.graph.nodes : [];
  const known = new Set(graphNodes.map((node) => node.key));
  const otherKeys = new Set([...tokensByKey.keys(), ...itemsByKey.keys()].filter((key) => !known.has(key)));
  const nodes = [
    ...graphNodes.map((node) => ({ key: node.key, name: node.name, type: node.type })),
    ...[...otherKeys].map((key) => ({ key, name: key, type: 'unknown' })),
  ];
  return {
    pieces: sumPieces(groups),
    nodes: nodes.map((node) => {
      const tokens = tokensByKey.get(node.key) ?? noTokens();
      const row = itemsByKey.get(node.key);
      return {
        nodeKey: node.key,
        name: node.name,
        type: node.type,
        active: tokens.pieces.active + tokens.components.active,
        waiting: tokens.pieces.waiting + tokens.components.waiting,
        ...tokens,
        workItems: {
          ready: row?.ready ?? 0,
          assigned: row?.assigned ?? 0,
          inProgress: row?.in_progress ?? 0,
          paused: row?.paused ?? 0,
        },
      };
    }),
  };
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
  const pieces = await countPieces(
    db,
    kind,
    rows.slice(0, limit).map((row) => row.id),
  );
  return toPage(
    rows,
    limit,
    (row) => row.code,
    (row) => toItem(row, pieces),
  );
}
