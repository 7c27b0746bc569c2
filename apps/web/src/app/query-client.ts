import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isUnauthorized } from '../api/problem.ts';
import { shouldRetry } from '../api/retry-policy.ts';
import { forgetSession, SIGN_IN_META } from '../api/session-queries.ts';

/**
 * The app's one query client: short staleness (the floor changes constantly), careful retries.
 * Any 401 from the API means the session ended (expired, signed out elsewhere, revoked): the
 * client forgets the user, and the session gate sends them to sign in and back afterwards. Only
 * the sign-in forms' own 401 ("wrong password") is theirs to show.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) forgetSession(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthorized(error) && mutation.meta?.signIn !== SIGN_IN_META.signIn) forgetSession(client);
      },
    }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, refetchOnWindowFocus: true },
    },
  });
  return client;
}
