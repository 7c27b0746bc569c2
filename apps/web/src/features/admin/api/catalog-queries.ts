import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { sendCommand } from '../../../api/http-client.ts';
import type { CatalogItems, CatalogKind } from './catalog-kinds.ts';
import { codeOf } from './catalog-kinds.ts';
import { fetchAllPages } from './fetch-all-pages.ts';
import { adminKeys } from './keys.ts';

/** Every item of one kind, deactivated ones too (the admin reactivates them). */
export function useCatalogList<K extends CatalogKind>(kind: K) {
  return useQuery({
    queryKey: adminKeys.catalog(kind),
    queryFn: ({ signal }) => fetchAllPages<CatalogItems[K]>(`/${kind}`, { includeInactive: 'true' }, signal),
  });
}

/** Puts the item the API answered with into the cached list, in code order, replacing its old copy. */
function storeItem<K extends CatalogKind>(client: QueryClient, kind: K, item: CatalogItems[K]): void {
  client.setQueryData<CatalogItems[K][]>(adminKeys.catalog(kind), (items) => {
    if (!items) return items;
    const code = codeOf(kind, item);
    return [...items.filter((other) => codeOf(kind, other) !== code), item].sort((a, b) =>
      codeOf(kind, a).localeCompare(codeOf(kind, b)),
    );
  });
}

/** The path of one item: by code, which never changes (shipped presets have no id). */
const itemPath = (kind: CatalogKind, code: string) => `/${kind}/${encodeURIComponent(code)}`;

/** Creates an item (`POST /<kind>`); the answer joins the cached list. */
export function useCreateEntry<K extends CatalogKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => sendCommand<CatalogItems[K]>('POST', `/${kind}`, body),
    onSuccess: (item) => storeItem(client, kind, item),
  });
}

/** Changes the fields given (`PATCH /<kind>/<code>`); the answer replaces the cached copy. */
export function useUpdateEntry<K extends CatalogKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: unknown }) =>
      sendCommand<CatalogItems[K]>('PATCH', itemPath(kind, code), body),
    onSuccess: (item) => storeItem(client, kind, item),
  });
}

/** Deactivates or reactivates an item. */
export function useSetEntryActive<K extends CatalogKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) =>
      sendCommand<CatalogItems[K]>('POST', `${itemPath(kind, code)}/${active ? 'reactivate' : 'deactivate'}`),
    onSuccess: (item) => storeItem(client, kind, item),
  });
}

/** Deletes an item for good (`DELETE /<kind>/<code>`; only node presets the factory defined). */
export function useDeleteEntry<K extends CatalogKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => sendCommand<void>('DELETE', itemPath(kind, code)),
    onSuccess: (_nothing, code) =>
      client.setQueryData<CatalogItems[K][]>(adminKeys.catalog(kind), (items) =>
        items?.filter((item) => codeOf(kind, item) !== code),
      ),
  });
}
