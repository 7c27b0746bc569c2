import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AtelierJobDetail, ManufacturingOrderDetail, OutboxEventBody } from '@atelier/contracts';
import { getJson } from '../../../api/http-client.ts';
import { createBatcher, pagedListsHold, replaceInPagedLists } from '../../../live/cache-patch.ts';
import { useLiveEvents } from '../../../live/live-provider.tsx';
import { orderKeys } from './keys.ts';
import { summarizeOrder, summarizeOrderDetail } from './order-summary.ts';
import type { OrderDetail, OrderKind } from './order-summary.ts';

/** Events that change what the orders screens show of an order: its status, counts and pieces. */
const ORDER_EVENTS = ['order.*', 'token.*', 'work_item.*'];
/** Events of one order within this window are one refresh of it. */
const BATCH_MS = 250;

/** How events name the kind of an order (`data.kind` of `order.*` events). */
const EVENT_KINDS: Record<string, OrderKind> = {
  manufacturing_order: 'manufacturing-orders',
  atelier_job: 'atelier-jobs',
};

/** The kind of the order an event is about, from the event or from what the caches already show. */
function kindOf(client: QueryClient, event: OutboxEventBody): OrderKind | null {
  const named = typeof event.data.kind === 'string' ? EVENT_KINDS[event.data.kind] : undefined;
  if (named) return named;
  const id = event.orderId ?? '';
  for (const kind of Object.values(EVENT_KINDS)) {
    if (pagedListsHold(client, orderKeys.list(kind), id)) return kind;
    const details = client.getQueriesData<OrderDetail>({ queryKey: [...orderKeys.kind(kind), 'detail'] });
    if (details.some(([, order]) => order?.id === id)) return kind;
  }
  return null;
}

/**
 * Re-reads one changed order and patches it into every list row and detail view that shows it
 * (by id and by code), instead of refetching the lists.
 */
async function refreshOrder(client: QueryClient, kind: OrderKind, id: string): Promise<void> {
  const order = await getJson<ManufacturingOrderDetail | AtelierJobDetail>(`/${kind}/${id}`);
  const detail = summarizeOrderDetail(kind, order);
  replaceInPagedLists(client, orderKeys.list(kind), summarizeOrder(kind, order));
  for (const key of [orderKeys.detail(kind, id), orderKeys.detail(kind, order.code)]) {
    if (client.getQueryData(key) !== undefined) client.setQueryData(key, detail);
  }
}

/**
 * Keeps the orders screens live: each event about an order the screen shows refreshes that one
 * order (batched); a new order puts the first page of its list to be read again.
 */
export function useLiveOrders(): void {
  const client = useQueryClient();
  const [refresh] = useState(() =>
    createBatcher(BATCH_MS, (keys) => {
      for (const key of keys) {
        const [kind, id] = key.split('|') as [OrderKind, string];
        refreshOrder(client, kind, id).catch(() => undefined);
      }
    }),
  );
  useLiveEvents(ORDER_EVENTS, (event) => {
    if (event.orderId === null) return;
    const kind = kindOf(client, event);
    if (kind === null) return;
    if (event.type === 'order.created') {
      void client.invalidateQueries({ queryKey: orderKeys.list(kind) });
      return;
    }
    refresh(`${kind}|${event.orderId}`);
  });
}
