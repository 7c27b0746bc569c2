import { useQuery } from '@tanstack/react-query';
import { getJson } from './http-client.ts';
import type { Health } from '@atelier/contracts';

const HEALTH_POLL_MS = 15_000;

/** The shell's query keys; each feature has its own factory (`features/<name>/api/keys.ts`). */
export const queryKeys = {
  health: ['health'] as const,
  me: ['me'] as const,
  thisStation: ['this-station'] as const,
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
