import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { heldIdempotencyKey, type IdempotencyKeyRef } from '../plugins/idempotency-key.ts';

/** The part of the event hub a command needs: a nudge after commit. */
export interface EventWaker {
  wake(): void;
}

/**
 * What every command runs with: the database, the hub to wake after its commit, and the request's
 * `Idempotency-Key` row, which the command's write marks committed in its own transaction (so a
 * retry after a lost response never runs it again). Use-case contexts (catalog, auth, production,
 * work items) extend it.
 */
export interface CommandContext {
  readonly db: Database;
  readonly hub: EventWaker;
  /** Null when the request carries no key (or the command is not a request's, e.g. a sweep). */
  readonly idempotencyKey: IdempotencyKeyRef | null;
}

/** The command context of a request. */
export function commandContext(fastify: FastifyInstance, request: FastifyRequest): CommandContext {
  return { db: fastify.db, hub: fastify.eventHub, idempotencyKey: heldIdempotencyKey(request) };
}
