import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorRef, type Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';

/** What an order or token command needs: the database, the hub to wake after commit, who acts and when. */
export interface ProductionContext {
  readonly db: Database;
  readonly hub: EventWaker;
  readonly actor: Actor;
  /** The command's clock: the domain never reads one, so the host passes it in. */
  readonly now: Date;
}

/** The command context of an authenticated request, timed now. */
export function productionContext(fastify: FastifyInstance, request: FastifyRequest): ProductionContext {
  return { db: fastify.db, hub: fastify.eventHub, actor: request.actor, now: new Date() };
}

/** The `actor` recorded on the events of a command. */
export function eventActor(context: ProductionContext): string {
  return actorRef(context.actor);
}

/** Who may create, release and cancel: people who plan production, and integrators' systems. */
export const PRODUCTION_COMMAND_ROLES: readonly Role[] = ['manager', 'admin', 'integrator'];
