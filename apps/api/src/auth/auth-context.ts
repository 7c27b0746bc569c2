import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';
import type { Actor } from './actor.ts';

/** What an auth command needs: the database, the hub to wake after commit, and who acts. */
export interface AuthContext {
  readonly db: Database;
  readonly hub: EventWaker;
  readonly actor: Actor;
}

/** The command context of an authenticated request. */
export function authContext(fastify: FastifyInstance, request: FastifyRequest): AuthContext {
  return { db: fastify.db, hub: fastify.eventHub, actor: request.actor };
}
