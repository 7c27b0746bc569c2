import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { hashSecret } from '../auth/secret-token.ts';
import { commandContext, type CommandContext } from '../events/command-context.ts';

/** What a catalog command needs: the command context and who acts. */
export interface CatalogContext extends CommandContext {
  readonly actor: Actor;
  /** The token hash of the session the actor called with (null for an API key): a change to their own password keeps it. */
  readonly sessionTokenHash: string | null;
}

/** The command context of an authenticated request. */
export function catalogContext(fastify: FastifyInstance, request: FastifyRequest): CatalogContext {
  const token = request.actor.kind === 'user' ? request.cookies[SESSION_COOKIE] : undefined;
  return {
    ...commandContext(fastify, request),
    actor: request.actor,
    sessionTokenHash: token === undefined ? null : hashSecret(token),
  };
}
