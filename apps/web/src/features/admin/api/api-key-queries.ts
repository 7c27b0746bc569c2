import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiKeyView, createdApiKeySchema, Role } from '@atelier/contracts';
import type { z } from 'zod';
import { sendCommand } from '../../../api/http-client.ts';
import { fetchAllPages } from './fetch-all-pages.ts';
import { adminKeys } from './keys.ts';

/** A new key as the API answers its creation: the only time the secret `key` is there. */
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** Every API key, newest first, revoked ones included. */
export function useApiKeys() {
  return useQuery({
    queryKey: adminKeys.apiKeys(),
    queryFn: ({ signal }) => fetchAllPages<ApiKeyView>('/api-keys', {}, signal),
  });
}

/** Puts `key` (without any secret) into the cached list, newest first. */
function storeKey(client: QueryClient, key: ApiKeyView): void {
  client.setQueryData<ApiKeyView[]>(adminKeys.apiKeys(), (keys) =>
    keys
      ? [key, ...keys.filter((other) => other.id !== key.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      : keys,
  );
}

/** Creates a key; the caller shows `key` once. The cache never holds the secret. */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; role: Role }) => sendCommand<CreatedApiKey>('POST', '/api-keys', body),
    onSuccess: ({ key: _secret, ...view }) => storeKey(client, view),
  });
}

/** Revokes a key: it stops working at once. */
export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendCommand<ApiKeyView>('POST', `/api-keys/${id}/revoke`),
    onSuccess: (key) => storeKey(client, key),
  });
}
