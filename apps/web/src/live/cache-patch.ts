import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Page } from '@atelier/contracts';

/**
 * Replaces the item with `item.id` wherever it is in the paged lists under `queryKey` (every
 * infinite query whose key starts with it), leaving every other row and page as it is.
 */
export function replaceInPagedLists<T extends { id: string }>(client: QueryClient, queryKey: QueryKey, item: T): void {
  client.setQueriesData<InfiniteData<Page<T>>>({ queryKey }, (data) => {
    if (!data?.pages) return data;
    let found = false;
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.map((row) => {
        if (row.id !== item.id) return row;
        found = true;
        return item;
      }),
    }));
    return found ? { ...data, pages } : data;
  });
}

/** Whether any paged list under `queryKey` holds an item with `id`. */
export function pagedListsHold(client: QueryClient, queryKey: QueryKey, id: string): boolean {
  return client
    .getQueriesData<InfiniteData<Page<{ id: string }>>>({ queryKey })
    .some(([, data]) => data?.pages?.some((page) => page.items.some((row) => row.id === id)) ?? false);
}

/**
 * Collects keys for `delayMs` and hands them over once: a burst of events about the same order
 * (a bulk cancel) becomes one refresh of it, not one per event.
 */
export function createBatcher(delayMs: number, flush: (keys: string[]) => void): (key: string) => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (key) => {
    pending.add(key);
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      const keys = [...pending];
      pending.clear();
      flush(keys);
    }, delayMs);
  };
}
