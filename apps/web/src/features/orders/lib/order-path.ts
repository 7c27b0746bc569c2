import type { OrderKind } from '../api/order-summary.ts';

/**
 * The address of an order's detail page. It carries the order's code, which the API accepts in
 * place of the UUID, so the address reads like the paperwork on the floor.
 */
export function orderPath(kind: OrderKind, code: string): string {
  return `/orders/${kind}/${encodeURIComponent(code)}`;
}
