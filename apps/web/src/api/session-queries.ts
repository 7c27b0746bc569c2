import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { getJson, patchJson, postJson } from './http-client.ts';
import { isUnauthorized } from './problem.ts';
import { queryKeys } from './queries.ts';
import type { Me, PasswordSignIn, PinSignIn, SignInResult, UpdateMe } from '@atelier/contracts';

/**
 * Marks the sign-in mutations: their 401 means "wrong password or PIN", not "the session ended",
 * so the app's session-lost handling leaves them to the form.
 */
export const SIGN_IN_META = { signIn: true } as const;

/** The signed-in user, or null when nobody is (the API answered 401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await getJson<Me>('/me', undefined, signal);
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

/** Who is signed in: `data` is the user, null when signed out (then the screens go to sign-in). */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/**
 * Records that the session is gone (signed out, expired, revoked). The session gate sees `me`
 * become null and sends the user to sign in.
 */
export function forgetSession(client: QueryClient): void {
  client.setQueryData(queryKeys.me, null);
}

/**
 * Starts a fresh cache for a new user: nothing the previous person on this tablet could see may
 * linger, then `me` is the user who just signed in.
 */
function startSession(client: QueryClient, result: SignInResult): void {
  client.removeQueries();
  client.setQueryData(queryKeys.me, result.user);
}

/** `POST /auth/login`: desktop sign-in with username and password. */
export function usePasswordSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordSignIn) => postJson<SignInResult>('/auth/login', body),
    onSuccess: (result) => startSession(client, result),
    meta: SIGN_IN_META,
  });
}

/** `POST /auth/pin`: station sign-in with a badge (or a picked user) and a PIN. */
export function usePinSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PinSignIn) => postJson<SignInResult>('/auth/pin', body),
    onSuccess: (result) => startSession(client, result),
    meta: SIGN_IN_META,
  });
}

/**
 * `POST /auth/logout`. `leave` moves the browser off the signed-in screens before the cache is
 * emptied, so no screen re-asks the API as a signed-out user on its way out.
 */
export function useSignOut(leave: () => Promise<void> | void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await postJson<undefined>('/auth/logout');
      await leave();
      client.removeQueries();
      forgetSession(client);
    },
  });
}

/** `PATCH /me`: what the signed-in person chose for themselves (their language); `me` is updated with the answer. */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMe) => patchJson<Me>('/me', body),
    onSuccess: (me) => client.setQueryData(queryKeys.me, me),
  });
}
