import { getCatalogEntry } from '../catalog/get-catalog-entry.ts';
import { userResource } from '../catalog/user-resource.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { runCommand } from '../events/run-command.ts';
import { actorRef } from './actor.ts';
import type { AuthContext } from './auth-context.ts';
import { accountKeys } from './sign-in-throttle.ts';

/** The answer of an unlock: whom, and whether there was anything to lift. */
export interface UnlockResult {
  readonly userId: string;
  readonly unlocked: boolean;
}

/**
 * Lifts a person's sign-in lock-out (password and PIN, their failures and the growing lock
 * length) at once, so an operator who mistyped their PIN five times can work again now: a
 * manager's decision, recorded as a `user.sign_in_unlocked` event in the same transaction.
 * Nothing to lift writes nothing. Address and station delays stay: they protect everyone.
 */
export async function unlockSignIn(context: AuthContext, idOrUsername: string): Promise<UnlockResult> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const user = await getCatalogEntry(tx, userResource, idOrUsername);
    const cleared = await prismaRunner(tx).query(
      'DELETE FROM auth_throttles WHERE key = ANY($1::text[]) RETURNING key',
      [accountKeys(user.id)],
    );
    const unlocked = cleared.length > 0;
    return {
      result: { userId: user.id, unlocked },
      events: unlocked
        ? [
            {
              type: 'user.sign_in_unlocked',
              actor: actorRef(actor),
              operatorId: user.id,
              data: { id: user.id, code: user.username },
            },
          ]
        : [],
    };
  });
}
