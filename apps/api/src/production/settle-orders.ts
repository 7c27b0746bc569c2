import type { Effects } from '@atelier/domain';
import type { NewEvent } from '../events/new-event.ts';
import type { OrderKind } from '../routes/api/v1/order-read-model.ts';
import { orderEvent } from './order-event.ts';
import type { LoadedPiece, OrderRef, Tx } from './piece-store.ts';

const TABLE: Record<OrderKind, { table: string; quantity: string; link: string }> = {
  manufacturingOrder: { table: 'manufacturing_orders', quantity: 'target_quantity', link: 'mo_id' },
  atelierJob: { table: 'atelier_jobs', quantity: 'quantity', link: 'atelier_job_id' },
};

/** Orders of which this step finished a piece (completed or cancelled a root token). */
function touchedOrders(effects: Effects, orderOf: (tokenId: string) => OrderRef): OrderRef[] {
  const orders = new Map<string, OrderRef>();
  for (const token of effects.tokens.update) {
    if (token.parentId === null && (token.state === 'completed' || token.state === 'cancelled')) orders.set(token.orderId, orderOf(token.id));
  }
  return [...orders.values()];
}

/**
 * Closes orders the step finished, in the step's transaction: with no piece in flight, an order
 * whose completed pieces meet its target quantity becomes `completed`; one whose target dropped to
 * zero with nothing made (every piece cancelled PERMANENT) becomes `cancelled`. Returns the
 * `order.completed` / `order.cancelled` events.
 */
export async function settleOrders(tx: Tx, effects: Effects, orderOf: (tokenId: string) => OrderRef, actor: string | null, now: Date): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  for (const order of touchedOrders(effects, orderOf)) {
    const { table, quantity, link } = TABLE[order.kind];
    const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(
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
      order.id,
      now,
    );
    if (row !== undefined) events.push(orderEvent(`order.${row.status}`, order, actor ?? 'system', now));
  }
  return events;
}

/**
 * Marks released orders `in_progress` (with `order.started`) once a step moves work on one of
 * their pieces: a work item of the step is being worked or done. Only orders read as `released`
 * with the piece cost a statement, so later steps add no write.
 */
export async function markOrdersStarted(tx: Tx, effects: Effects, pieces: readonly LoadedPiece[], actor: string | null, now: Date): Promise<NewEvent[]> {
  const worked = new Set(effects.workItems.update.filter((item) => item.state !== 'cancelled' && item.state !== 'ready').map((item) => item.tokenId));
  const orders = new Map<string, OrderRef>();
  for (const { order, piece } of pieces) {
    if (order.status === 'released' && piece.tokens.some((token) => worked.has(token.id))) orders.set(order.id, order);
  }
  const events: NewEvent[] = [];
  for (const order of orders.values()) {
    const { table } = TABLE[order.kind];
    const updated = await tx.$executeRawUnsafe(
      `UPDATE ${table} SET status = 'in_progress', updated_at = $2::timestamptz WHERE id = $1::uuid AND status = 'released'`,
      order.id,
      now,
    );
    if (updated > 0) events.push(orderEvent('order.started', order, actor ?? 'system', now));
  }
  return events;
}
