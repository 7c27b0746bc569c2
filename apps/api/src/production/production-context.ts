import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorRef, type Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import { commandContext, type CommandContext } from '../events/command-context.ts';

/** What an order or token command needs: the command context, who acts and when. */
export interface ProductionContext extends CommandContext {
  readonly actor: Actor;
  /** The command's clock: the domain never reads one, so the host passes it in. */
  readonly now: Date;
}

/** The command context of an authenticated request, timed now. */
export function productionContext(fastify: FastifyInstance, request: FastifyRequest): ProductionContext {
  return { ...commandContext(fastify, request), actor: request.actor, now: new Date() };
}

/** The `actor` recorded on the events of a command. */
export function eventActor(context: ProductionContext): string {
  return actorRef(context.actor);
}

/** Who may create, release and cancel: people who plan production, and integrators' systems. */
export const PRODUCTION_COMMAND_ROLES: readonly Role[] = ['manager', 'admin', 'integrator'];
