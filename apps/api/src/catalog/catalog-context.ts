import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';

/** What a catalog command needs: the database, the hub to wake after commit, and who acts. */
export interface CatalogContext {
  readonly db: Database;
  readonly hub: EventWaker;
  readonly actor: Actor;
}

/** The command context of an authenticated request. */
export function catalogContext(fastify: FastifyInstance, request: FastifyRequest): CatalogContext {
  return { db: fastify.db, hub: fastify.eventHub, actor: request.actor };
}
