import { runCommand } from '../events/run-command.ts';
import type { ApiKeyView } from '@atelier/contracts';
import { actorRef } from './actor.ts';
import { generateApiKey } from './api-key-token.ts';
import { apiKeySelect, toApiKeyView } from './api-key-view.ts';
import type { AuthContext } from './auth-context.ts';
import type { Role } from './roles.ts';
import { hashSecret } from './secret-token.ts';

/**
 * Creates an API key for an integrator: stores its prefix and a hash of its secret, and returns
 * the full key once (it cannot be recovered later). An `api_key.created` event records who made it.
 */
export async function createApiKey(
  context: AuthContext,
  input: { name: string; role: Role },
): Promise<ApiKeyView & { key: string }> {
  const { actor } = context;
  const generated = generateApiKey();
  return runCommand(context, async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name: input.name,
        role: input.role,
        prefix: generated.prefix,
        hash: hashSecret(generated.secret),
        createdById: actor.userId,
      },
      select: apiKeySelect,
    });
    const apiKey = toApiKeyView(row);
    return {
      result: { ...apiKey, key: generated.token },
      events: [
        {
          type: 'api_key.created',
          actor: actorRef(actor),
          data: { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, role: apiKey.role },
        },
      ],
    };
  });
}
