import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getJson } from './http-client.ts';
import { summarizeOrder, summarizeOrderDetail } from './order-summary.ts';
import type { OrderDetail, OrderKind, OrderSummary } from './order-summary.ts';
import type {
  AtelierJob,
  AtelierJobDetail,
  Health,
  ManufacturingOrder,
  ManufacturingOrderDetail,
  Page,
} from '@atelier/contracts';

/** Rows fetched per page of an order list. */
export const ORDER_PAGE_SIZE = 25;
const HEALTH_POLL_MS = 15_000;

/** Query keys, in one place so invalidation (after commands, from live events) can find them. */
export const queryKeys = {
  health: ['health'] as const,
  me: ['me'] as const,
  thisStation: ['this-station'] as const,
  orderList: (kind: OrderKind) => ['orders', kind, 'list'] as const,
  orderDetail: (kind: OrderKind, idOrCode: string) => ['orders', kind, 'detail', idOrCode] as const,
};

/** Server health, polled so the header shows a live status. */
export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => getJson<Health>('/health', undefined, signal),
    refetchInterval: HEALTH_POLL_MS,
    retry: false,
  });
}

/** One kind of order, page by page (cursor pagination). */
export function useOrderList(kind: OrderKind) {
  return useInfiniteQuery({
    queryKey: queryKeys.orderList(kind),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }): Promise<Page<OrderSummary>> => {
      const page = await getJson<Page<ManufacturingOrder | AtelierJob>>(
        `/${kind}`,
        { cursor: pageParam, limit: ORDER_PAGE_SIZE },
        signal,
      );
      return { items: page.items.map((order) => summarizeOrder(kind, order)), nextCursor: page.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One order, by UUID or code, with its per-node counts. */
export function useOrderDetail(kind: OrderKind, idOrCode: string) {
  return useQuery({
    queryKey: queryKeys.orderDetail(kind, idOrCode),
    queryFn: async ({ signal }): Promise<OrderDetail> => {
      const order = await getJson<ManufacturingOrderDetail | AtelierJobDetail>(
        `/${kind}/${encodeURIComponent(idOrCode)}`,
        undefined,
        signal,
      );
      return summarizeOrderDetail(kind, order);
    },
  });
}
