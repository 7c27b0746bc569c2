import type { Effects } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import type { NewEvent } from '../events/new-event.ts';
import type { OrderKind } from '../routes/api/v1/order-read-model.ts';
import { orderEvent } from './order-event.ts';
import type { OrderRef } from './piece-store.ts';

const TABLE: Record<OrderKind, { table: string; quantity: string; link: string }> = {
  manufacturingOrder: { table: 'manufacturing_orders', quantity: 'target_quantity', link: 'mo_id' },
  atelierJob: { table: 'atelier_jobs', quantity: 'quantity', link: 'atelier_job_id' },
};

/** Orders of which this step finished a piece (completed or cancelled a root token). */
export function finishedOrders(effects: Effects, orderOf: (tokenId: string) => OrderRef): OrderRef[] {
  const orders = new Map<string, OrderRef>();
  for (const token of effects.tokens.update) {
    if (token.parentId === null && (token.state === 'completed' || token.state === 'cancelled')) orders.set(token.orderId, orderOf(token.id));
  }
  return [...orders.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Closes orders whose piece a step finished, in the step's transaction AFTER its write: with no
 * piece in flight, an order whose completed pieces meet its target quantity becomes `completed`;
 * one whose target dropped to zero with nothing made (every piece cancelled PERMANENT) becomes
 * `cancelled`. The order rows are locked first (in id order, after the pieces, as every writer
 * does), and the counts read by a later statement: of two steps finishing an order's last pieces
 * at once, the second waits for the first and sees its pieces finished. Returns the
 * `order.completed` / `order.cancelled` events, for the caller to record in the transaction.
 */
export async function settleOrders(tx: SqlRunner, orders: readonly OrderRef[], actor: string | null, now: Date): Promise<NewEvent[]> {
  for (const kind of Object.keys(TABLE) as OrderKind[]) {
    const ids = orders.filter((order) => order.kind === kind).map((order) => order.id);
    if (ids.length > 0) await tx.query(`SELECT id FROM ${TABLE[kind].table} WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }
  const events: NewEvent[] = [];
  for (const order of orders) {
    const { table, quantity, link } = TABLE[order.kind];
    const [row] = await tx.query<{ status: string }>(
      `WITH pieces AS (
         SELECT count(*) FILTER (WHERE state IN ('active', 'waiting'))::int AS in_flight,
                count(*) FILTER (WHERE state = 'completed')::int AS completed
           FROM tokens WHERE ${link} = $1::uuid AND parent_id IS NULL
       )
       UPDATE ${table} o
          SET status = CASE WHEN p.completed > 0 THEN 'completed' ELSE 'cancelled' END::order_status,
              completed_at = $2::timestamptz, updated_at = $2::timestamptz
         FROM pieces p
        WHERE o.id = $1::uuid AND o.status IN ('released', 'in_progress') AND p.in_flight = 0
          AND ((p.completed > 0 AND p.completed >= o.${quantity}) OR (p.completed = 0 AND o.${quantity} = 0))
       RETURNING o.status::text AS status`,
      [order.id, now],
    );
    if (row !== undefined) events.push(orderEvent(`order.${row.status}`, order, actor ?? 'system', now));
  }
  return events;
}
