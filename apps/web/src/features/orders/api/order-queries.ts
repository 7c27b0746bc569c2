import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http-client.ts';
import type {
  AtelierJob,
  AtelierJobDetail,
  ManufacturingOrder,
  ManufacturingOrderDetail,
  Page,
} from '@atelier/contracts';
import { orderKeys } from './keys.ts';
import { summarizeOrder, summarizeOrderDetail } from './order-summary.ts';
import type { OrderDetail, OrderKind, OrderSummary } from './order-summary.ts';

/** Rows fetched per page of an order list. */
export const ORDER_PAGE_SIZE = 25;

/** One kind of order, page by page (cursor pagination). */
export function useOrderList(kind: OrderKind) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(kind),
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
    queryKey: orderKeys.detail(kind, idOrCode),
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
