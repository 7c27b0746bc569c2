import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../api/retry-policy.ts';

/** The app's one query client: short staleness (the floor changes constantly), careful retries. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, refetchOnWindowFocus: true },
    },
  });
}
