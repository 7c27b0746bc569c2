import type { OrderKind } from '../../api/order-summary.ts';

/** The address of an order's detail page. */
export function orderPath(kind: OrderKind, id: string): string {
  return `/orders/${kind}/${encodeURIComponent(id)}`;
}
