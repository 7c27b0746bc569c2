import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commandContext, type CommandContext } from '../events/command-context.ts';
import type { Actor } from './actor.ts';

/** What an auth command needs: the command context and who acts. */
export interface AuthContext extends CommandContext {
  readonly actor: Actor;
}

/** The command context of an authenticated request. */
export function authContext(fastify: FastifyInstance, request: FastifyRequest): AuthContext {
  return { ...commandContext(fastify, request), actor: request.actor };
}
