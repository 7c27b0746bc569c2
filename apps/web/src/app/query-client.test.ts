import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../api/problem.ts';
import { queryKeys } from '../api/queries.ts';
import { SIGN_IN_META } from '../api/session-queries.ts';
import type { Me } from '@atelier/contracts';
import { createQueryClient } from './query-client.ts';

const user: Me = {
  kind: 'user',
  id: 'u1',
  username: 'manager',
  displayName: 'Ploy Suwannarat',
  roles: ['manager'],
  station: false,
  team: null,
  skills: [],
  locale: null,
};

const failure = (status: number, code: string) =>
  new ApiError(toProblem(status, 'application/problem+json', JSON.stringify({ status, code, detail: code })));

function signedInClient() {
  const client = createQueryClient();
  client.setQueryData(queryKeys.me, user);
  return client;
}

function runMutation(client: ReturnType<typeof createQueryClient>, error: ApiError, meta?: Record<string, unknown>) {
  const mutation = client
    .getMutationCache()
    .build(client, { mutationFn: () => Promise.reject(error), meta, retry: false });
  return mutation.execute(undefined).catch(() => undefined);
}

describe('createQueryClient session handling', () => {
  it('forgets the user when any query answers 401', async () => {
    const client = signedInClient();
    await client
      .fetchQuery({ queryKey: ['orders'], queryFn: () => Promise.reject(failure(401, 'AUTHENTICATION_REQUIRED')) })
      .catch(() => undefined);
    expect(client.getQueryData(queryKeys.me)).toBeNull();
  });

  it('keeps the user on other failures', async () => {
    const client = signedInClient();
    await client
      .fetchQuery({ queryKey: ['orders'], queryFn: () => Promise.reject(failure(403, 'ROLE_NOT_ALLOWED')) })
      .catch(() => undefined);
    await runMutation(client, failure(409, 'ALREADY_CLAIMED'));
    expect(client.getQueryData(queryKeys.me)).toEqual(user);
  });

  it('forgets the user when a command answers 401', async () => {
    const client = signedInClient();
    await runMutation(client, failure(401, 'AUTHENTICATION_REQUIRED'));
    expect(client.getQueryData(queryKeys.me)).toBeNull();
  });

  it('leaves a wrong password to the sign-in form', async () => {
    const client = signedInClient();
    await runMutation(client, failure(401, 'INVALID_CREDENTIALS'), SIGN_IN_META);
    expect(client.getQueryData(queryKeys.me)).toEqual(user);
  });
});
