import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { hashSecret } from '../auth/secret-token.ts';
import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';

/** What a catalog command needs: the database, the hub to wake after commit, and who acts. */
export interface CatalogContext {
  readonly db: Database;
  readonly hub: EventWaker;
  readonly actor: Actor;
  /** The token hash of the session the actor called with (null for an API key): a change to their own password keeps it. */
  readonly sessionTokenHash: string | null;
}

/** The command context of an authenticated request. */
export function catalogContext(fastify: FastifyInstance, request: FastifyRequest): CatalogContext {
  const token = request.actor.kind === 'user' ? request.cookies[SESSION_COOKIE] : undefined;
  return {
    db: fastify.db,
    hub: fastify.eventHub,
    actor: request.actor,
    sessionTokenHash: token === undefined ? null : hashSecret(token),
  };
}
