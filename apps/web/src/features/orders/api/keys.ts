import type { OrderKind } from './order-summary.ts';

/** The orders feature's query keys: `all` matches every list and detail (live events patch or refresh them). */
export const orderKeys = {
  all: ['orders'] as const,
  kind: (kind: OrderKind) => ['orders', kind] as const,
  list: (kind: OrderKind) => ['orders', kind, 'list'] as const,
  detail: (kind: OrderKind, idOrCode: string) => ['orders', kind, 'detail', idOrCode] as const,
};
