import type { FastifyRequest } from 'fastify';
import type { SqlRunner } from '../db/database.ts';

/** The `Idempotency-Key` row a request holds while its command runs. */
export interface IdempotencyKeyRef {
  readonly scope: string;
  readonly key: string;
}

/**
 * The key row the request being served holds (claimed by the idempotency plugin before the
 * handler runs), or null. It travels in the command context (`events/command-context.ts`): a
 * command's write marks it committed in its own transaction (`markKeyCommitted`, or a part of the
 * single statement of the row-change builder), so that a retry after a lost response never runs
 * the command again.
 */
export function heldIdempotencyKey(request: FastifyRequest): IdempotencyKeyRef | null {
  const claim = request.idempotencyClaim;
  return claim === null ? null : { scope: claim.scope, key: claim.key };
}

/** The write that marks a key committed, from SQL expressions for the time, scope and key (a statement's parameters). */
export const keyCommittedSql = (at: string, scope: string, key: string): string =>
  `UPDATE idempotency_keys SET committed_at = ${at} WHERE scope = ${scope} AND key = ${key}`;

/** Marks the request's key committed; call it inside the command's transaction. */
export async function markKeyCommitted(tx: SqlRunner, key: IdempotencyKeyRef): Promise<void> {
  await tx.query(keyCommittedSql('now()', '$1', '$2'), [key.scope, key.key]);
}
