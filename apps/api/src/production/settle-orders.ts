import type { Effects } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import type { OrderKind } from '@atelier/contracts';
import type { LoadedPiece } from './piece-store.ts';

/** Per kind of order: its table, target column, token link column and the kind events name it by. */
export const ORDER_TABLES: Record<OrderKind, { table: string; quantity: string; link: string; kind: string }> = {
  manufacturingOrder: {
    table: 'manufacturing_orders',
    quantity: 'target_quantity',
    link: 'mo_id',
    kind: 'manufacturing_order',
  },
  atelierJob: { table: 'atelier_jobs', quantity: 'quantity', link: 'atelier_job_id', kind: 'atelier_job' },
};

/** Orders to look at, by kind. */
export type OrdersToSettle = Record<OrderKind, string[]>;

/** The orders of which a step finished a piece (completed or cancelled a root token). */
export function finishedOrders(effects: Effects, pieces: readonly LoadedPiece[]): OrdersToSettle {
  const orders: OrdersToSettle = { manufacturingOrder: [], atelierJob: [] };
  for (const token of effects.tokens.update) {
    if (token.parentId !== null || (token.state !== 'completed' && token.state !== 'cancelled')) continue;
    const order = pieces.find((loaded) => loaded.rootTokenId === token.id)?.order;
    if (order !== undefined && !orders[order.kind].includes(order.id)) orders[order.kind].push(order.id);
  }
  return orders;
}

/** True when there is no order to look at. */
export function noOrders(orders: OrdersToSettle): boolean {
  return orders.manufacturingOrder.length === 0 && orders.atelierJob.length === 0;
}

/**
 * SQL: whether the node `key` of the graph version `version` is a scrap end, as the domain's
 * `scrapEndKeys` says: an `end` node every edge into which (one at least) is a `fail` edge.
 */
const isScrapEnd = (version: string, key: string) => `(
  EXISTS (SELECT 1 FROM graph_version_nodes n
           WHERE n.graph_version_id = ${version} AND n.node_key = ${key} AND n.body->>'type' = 'end')
  AND COALESCE((SELECT bool_and(COALESCE(e->>'kind' = 'fail', false))
                  FROM graph_versions v, jsonb_array_elements(v.body->'edges') e
                 WHERE v.id = ${version} AND e->>'to' = ${key}), false))`;

// The domain's `settleOutcome`, set-based (it must count many orders' pieces where they are).
// ONE statement per kind of order (`$1` now, `$2` actor, `$3` the order ids unless `all`): close
// the orders (`$3`, or every open one when `all`) with no piece in flight whose completed pieces meet the target (`completed`), or whose target dropped
// to zero with nothing made (`cancelled`), and record `order.completed` / `order.cancelled` with
// them. A piece that completed at a scrap end was scrapped, not made: it does not count (pieces
// are counted per end node, so each end is looked up once, not once per piece). Pieces are counted only for an order with none in flight (an index probe answers that),
// so settling an order with pieces still in flight costs next to nothing: `idle` is MATERIALIZED,
// as the planner would otherwise fold the count into the order scan and count every order's
// pieces before looking for one in flight. Two settlements of one order at once: the second's
// update re-checks the status and does nothing.
export const settleSql = ({ table, quantity, link, kind }: (typeof ORDER_TABLES)[OrderKind], all: boolean) => `
  WITH idle AS MATERIALIZED (
    SELECT o.id FROM ${table} o
     WHERE o.status IN ('released', 'in_progress')${all ? '' : ' AND o.id = ANY($3::uuid[])'}
       AND NOT EXISTS (SELECT 1 FROM tokens t WHERE t.${link} = o.id AND t.state IN ('active', 'waiting') AND t.parent_id IS NULL)
  ),
  counts AS (
    SELECT i.id, COALESCE((
             SELECT sum(g.pieces) FROM (
               SELECT t.graph_version_id, t.current_node_key, count(*) AS pieces FROM tokens t
                WHERE t.${link} = i.id AND t.state = 'completed' AND t.parent_id IS NULL
                GROUP BY t.graph_version_id, t.current_node_key
             ) g
              WHERE NOT ${isScrapEnd('g.graph_version_id', 'g.current_node_key')}
           ), 0)::int AS completed
      FROM idle i
  ),
  closed AS (
    UPDATE ${table} o
       SET status = CASE WHEN p.completed > 0 THEN 'completed' ELSE 'cancelled' END::order_status,
           completed_at = $1::timestamptz, updated_at = $1::timestamptz
      FROM counts p
     WHERE o.id = p.id AND o.status IN ('released', 'in_progress')
       AND ((p.completed > 0 AND p.completed >= o.${quantity}) OR (p.completed = 0 AND o.${quantity} = 0))
    RETURNING o.id, o.code, o.status
  ),
  logged AS (
    INSERT INTO events (type, at, actor, order_id, data)
    SELECT 'order.' || c.status::text, $1::timestamptz, $2, c.id, jsonb_build_object('code', c.code, 'kind', '${kind}')
      FROM closed c ORDER BY c.id
  )
  SELECT count(*)::int AS closed FROM closed`;

/**
 * Closes the given orders (or, with `'all'`, every open order, as at start-up) that are finished,
 * each with its event in the same statement; returns how many it closed.
 *
 * Call it AFTER the step that finished pieces has committed, never inside it: of two steps
 * finishing an order's last pieces at once, each may not see the other's piece finished, but the
 * one that commits last settles after both commits and sees both. A process that stops between
 * its commit and this call leaves the order for the start-up pass (`'all'`).
 */
export async function settleOrders(
  db: SqlRunner,
  orders: OrdersToSettle | 'all',
  actor: string | null,
  now: Date,
): Promise<number> {
  let closed = 0;
  for (const kind of Object.keys(ORDER_TABLES) as OrderKind[]) {
    const all = orders === 'all';
    const ids = all ? [] : orders[kind];
    if (!all && ids.length === 0) continue;
    const params = [now, actor ?? 'system', ...(all ? [] : [ids])];
    const [row] = await db.query<{ closed: number }>(settleSql(ORDER_TABLES[kind], all), params, {
      name: `settle-${kind}${all ? '-all' : ''}`,
    });
    closed += row?.closed ?? 0;
  }
  return closed;
}
