import { scrapEndKeys } from '@atelier/domain';
import type { OrderKind } from '@atelier/contracts';
import type { Database } from '../db/database.ts';
import { pinnedGraph } from '../production/pinned-graph.ts';

const ORDER_COLUMN: Record<OrderKind, string> = {
  manufacturingOrder: 'mo_id',
  atelierJob: 'atelier_job_id',
};

/** The column of `tokens` that links a token to an order of the kind. */
export function orderColumn(kind: OrderKind): string {
  return ORDER_COLUMN[kind];
}

/**
 * Where a token stands, as the order pages count it: in flight (`active`, `waiting`), or, for a
 * piece that left the routing, how it left it.
 */
export type TokenStanding = 'active' | 'waiting' | 'completed' | 'scrapped' | 'cancelled';

/** Tokens of one order at one node with the same standing. */
export interface TokenGroup {
  readonly orderId: string;
  readonly nodeKey: string;
  /** A piece (top-level token), or a component split from one. */
  readonly piece: boolean;
  /** A piece that replaces a scrapped or cancelled one. */
  readonly replacement: boolean;
  readonly standing: TokenStanding;
  readonly tokens: number;
}

type GroupRow = {
  order_id: string;
  graph_version_id: string;
  node_key: string;
  piece: boolean;
  state: 'active' | 'waiting' | 'completed' | 'cancelled';
  cancellation_type: 'QC_FAIL' | 'REDESIGN' | 'PERMANENT' | null;
  replacement: boolean;
  tokens: number;
};

/**
 * Every piece of the given orders and every component in flight, grouped by order, node and
 * standing, in one query. The order summary and the per-node counts are both sums of these groups,
 * so they always agree. Components that finished (merged back into their piece at the join) and
 * components cancelled with their piece are history and left out.
 */
export async function loadTokenGroups(
  db: Database,
  kind: OrderKind,
  orderIds: readonly string[],
): Promise<TokenGroup[]> {
  if (orderIds.length === 0) return [];
  const column = orderColumn(kind);
  const rows = await db.query<GroupRow>(
    `SELECT ${column} AS order_id, graph_version_id, current_node_key AS node_key, parent_id IS NULL AS piece,
            state::text AS state, cancellation_type::text AS cancellation_type, replaces_id IS NOT NULL AS replacement,
            count(*)::int AS tokens
       FROM tokens
      WHERE ${column} = ANY($1::uuid[]) AND (parent_id IS NULL OR state IN ('active', 'waiting'))
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [orderIds],
  );
  const groups: TokenGroup[] = [];
  for (const row of rows) {
    groups.push({
      orderId: row.order_id,
      nodeKey: row.node_key,
      piece: row.piece,
      replacement: row.replacement,
      standing: await standingOf(db, row),
      tokens: row.tokens,
    });
  }
  return groups;
}

async function standingOf(db: Database, row: GroupRow): Promise<TokenStanding> {
  switch (row.state) {
    case 'active':
    case 'waiting':
      return row.state;
    case 'cancelled':
      return row.cancellation_type === 'QC_FAIL' ? 'scrapped' : 'cancelled';
    case 'completed':
      // A piece completes at whichever end it reaches; the one a failed inspection leads to is a
      // scrap end. Published versions are immutable, so each is parsed once per process.
      return scrapEndKeys(await pinnedGraph(db, row.graph_version_id)).has(row.node_key) ? 'scrapped' : 'completed';
  }
}
