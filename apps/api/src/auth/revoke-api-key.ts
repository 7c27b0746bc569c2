import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { ApiKeyView } from '@atelier/contracts';
import { actorRef } from './actor.ts';
import { apiKeySelect, toApiKeyView } from './api-key-view.ts';
import type { AuthContext } from './auth-context.ts';

/**
 * Revokes an API key: every later request with it gets 401 on every replica (keys are checked
 * against the database on each request). Revoking a revoked key changes nothing and is not an error.
 */
export async function revokeApiKey(context: AuthContext, id: string): Promise<ApiKeyView> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const revoked = await tx.apiKey.updateManyAndReturn({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
    const row = await tx.apiKey.findUnique({ where: { id }, select: apiKeySelect });
    if (row === null) throw new HttpProblem(404, 'API_KEY_NOT_FOUND', `No API key has the id ${id}.`);
    const apiKey = toApiKeyView(row);
    const events =
      revoked.length === 0
        ? []
        : [{ type: 'api_key.revoked', actor: actorRef(actor), data: { id, name: apiKey.name, prefix: apiKey.prefix } }];
    return { result: apiKey, events };
  });
}
