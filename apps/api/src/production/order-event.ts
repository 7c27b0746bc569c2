import type { NewEvent } from '../events/new-event.ts';
import type { OrderKind } from '@atelier/contracts';

/** How events name the kind of an order (as the demo data does). */
const KIND: Record<OrderKind, string> = { manufacturingOrder: 'manufacturing_order', atelierJob: 'atelier_job' };

/** An order-level event (`order.created`, `order.released`) for the outbox. */
export function orderEvent(
  type: string,
  order: { id: string; code: string; kind: OrderKind },
  actor: string,
  now: Date,
  data: Record<string, unknown> = {},
): NewEvent {
  return { type, at: now, actor, orderId: order.id, data: { code: order.code, kind: KIND[order.kind], ...data } };
}
